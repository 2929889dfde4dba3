const sleep = require('util').promisify(setTimeout)

const should = require('should')
const sinon = require('sinon')

const { KEY_SETTINGS } = require('../../../../../forge/db/models/ProjectSettings')
const setup = require('../setup')

const FF_UTIL = require('flowforge-test-utils')
const { Roles } = FF_UTIL.require('forge/lib/roles')
const { START_DELAY, STOP_DELAY } = FF_UTIL.require('forge/containers/stub/index.js')

let objectCount = 0
const generateName = (root = 'object') => `${root}-${objectCount++}`

describe('Team API', function () {
    let app
    const TestObjects = {}
    beforeEach(async function () {
        const opts = { limits: { teams: 50, instances: 50 } }
        if (this.currentTest.license) {
            opts.license = this.currentTest.license
        }
        app = await setup(opts)

        // Alice create in setup()
        TestObjects.alice = await app.db.models.User.byUsername('alice')
        TestObjects.bob = await app.db.models.User.create({ username: 'bob', name: 'Bob Solo', email: 'bob@example.com', email_verified: true, password: 'bbPassword' })
        TestObjects.chris = await app.db.models.User.create({ username: 'chris', name: 'Chris Kenobi', email: 'chris@example.com', email_verified: true, password: 'ccPassword' })
        TestObjects.dave = await app.db.models.User.create({ username: 'dave', name: 'Dave Vader', email: 'dave@example.com', email_verified: true, password: 'ddPassword' })

        TestObjects.ATeam = await app.db.models.Team.byName('ATeam')
        TestObjects.BTeam = await app.db.models.Team.create({ name: 'BTeam', slug: 'bteam', TeamTypeId: app.defaultTeamType.id })
        TestObjects.CTeam = await app.db.models.Team.create({ name: 'CTeam abc', TeamTypeId: app.defaultTeamType.id })

        TestObjects.secondTeamType = await app.db.models.TeamType.create({
            name: 'second team type',
            active: false,
            order: 1,
            description: '',
            properties: {}
        })
        TestObjects.DTeam = await app.db.models.Team.create({ name: 'DTeAbCam', TeamTypeId: TestObjects.secondTeamType.id, suspended: true })

        await TestObjects.ATeam.addUser(TestObjects.bob, { through: { role: Roles.Member } })
        await TestObjects.BTeam.addUser(TestObjects.bob, { through: { role: Roles.Owner } })

        await TestObjects.ATeam.addUser(TestObjects.dave, { through: { role: Roles.Dashboard } })

        TestObjects.tokens = {}
        await login('alice', 'aaPassword')
        await login('bob', 'bbPassword')
        await login('chris', 'ccPassword')
    })

    async function login (username, password) {
        const response = await app.inject({
            method: 'POST',
            url: '/account/login',
            payload: { username, password, remember: false }
        })
        response.cookies.should.have.length(1)
        const temp = { ...response.cookies[0] }
        temp.should.have.property('name', 'sid')
        TestObjects.tokens[username] = response.cookies[0].value
    }

    async function createDevice (options) {
        const response = await app.inject({
            method: 'POST',
            url: '/api/v1/devices',
            body: {
                name: options.name,
                type: options.type,
                team: options.team
            },
            cookies: { sid: options.as }
        })
        return response.json()
    }

    afterEach(async function () {
        if (app) {
            await app.close()
            app = null
        }
    })

    describe('Get team details', async function () {
        it('admin can access any team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.BTeam.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('id', TestObjects.BTeam.hashid)
            result.should.have.property('type')
            result.type.should.have.property('id', app.defaultTeamType.hashid)
        })
        it('member can access team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.BTeam.hashid}`,
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('id', TestObjects.BTeam.hashid)
        })
        it('dashboard role gets team summary', async function () {
            await login('dave', 'ddPassword')
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}`,
                cookies: { sid: TestObjects.tokens.dave }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('id', TestObjects.ATeam.hashid)
            result.should.not.have.property('type')
            result.should.not.have.property('instanceCount')
            result.should.not.have.property('memberCount')
            result.should.not.have.property('instanceCountByType')
            result.should.not.have.property('billing')
        })
        it('non-member cannot access team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.BTeam.hashid}`,
                cookies: { sid: TestObjects.tokens.chris }
            })
            response.statusCode.should.equal(404)
        })
    })

    describe('Get team details by slug', async function () {
        it('admin can access any team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/slug/${TestObjects.BTeam.slug}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('id', TestObjects.BTeam.hashid)
        })
        it('member can access team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/slug/${TestObjects.BTeam.slug}`,
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('id', TestObjects.BTeam.hashid)
        })
        it('non-member cannot access team', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/slug/${TestObjects.BTeam.slug}`,
                cookies: { sid: TestObjects.tokens.chris }
            })
            response.statusCode.should.equal(404)
        })
    })

    describe('Get list of teams', async function () {
        // GET /api/v1/teams/:teamId

        const getTeams = async (query = {}) => {
            const response = await app.inject({
                method: 'GET',
                url: '/api/v1/teams',
                query,
                cookies: { sid: TestObjects.tokens.alice }
            })
            return response.json()
        }

        it('returns a list of all teams', async function () {
            const result = await getTeams()
            result.teams.should.have.length(4)
            result.teams[0].should.have.property('name', 'ATeam')
            result.teams[3].should.have.property('name', 'DTeAbCam')
        })

        it('returns list in reverse order', async function () {
            const result = await getTeams({ sort: 'createdAt-desc' })
            result.teams.should.have.length(4)
            result.teams[0].should.have.property('name', 'DTeAbCam')
            result.teams[3].should.have.property('name', 'ATeam')
        })
        it('filters by team type', async function () {
            let result = await getTeams({ teamType: TestObjects.secondTeamType.hashid })
            result.teams.should.have.length(1)
            result.teams[0].should.have.property('name', 'DTeAbCam')

            result = await getTeams({ teamType: `${TestObjects.secondTeamType.hashid},${app.defaultTeamType.hashid}` })
            result.teams.should.have.length(4)

            result = await getTeams({ teamType: `not-a-valid-team,${app.defaultTeamType.hashid}` })
            result.teams.should.have.length(3)
        })
        it('can page through list', async function () {
            const firstPage = await getTeams({ limit: 2 })
            firstPage.should.have.property('meta')
            firstPage.meta.should.have.property('next_cursor', TestObjects.BTeam.hashid)
            firstPage.teams.should.have.length(2)
            firstPage.teams[0].should.have.property('name', 'ATeam')
            firstPage.teams[1].should.have.property('name', 'BTeam')

            const secondPage = await getTeams({ limit: 2, cursor: firstPage.meta.next_cursor })
            secondPage.meta.should.have.property('next_cursor', TestObjects.DTeam.hashid)
            secondPage.teams.should.have.length(2)
            secondPage.teams[0].should.have.property('name', 'CTeam abc')
            secondPage.teams[1].should.have.property('name', 'DTeAbCam')

            const thirdPage = await getTeams({ limit: 2, cursor: secondPage.meta.next_cursor })
            thirdPage.meta.should.not.have.property('next_cursor')
            thirdPage.teams.should.have.length(0)
        })
        it('can search for teams - name', async function () {
            const firstPage = await getTeams({ query: 'aBC' })
            firstPage.meta.should.not.have.property('next_cursor')
            firstPage.teams.should.have.length(2)
            firstPage.teams[0].should.have.property('name', 'CTeam abc')
            firstPage.teams[1].should.have.property('name', 'DTeAbCam')
        })
    })

    describe('Get list of a teams applications, their instances and their devices', async function () {
        beforeEach(async function () {
            TestObjects.TeamAApp = await app.db.models.Application.create({ name: 'team-a-application', TeamId: TestObjects.ATeam.id })
            TestObjects.TeamAApp2 = await app.db.models.Application.create({ name: 'team-a-application-2', TeamId: TestObjects.ATeam.id })
            TestObjects.TeamBApp = await app.db.models.Application.create({ name: 'team-b-application', TeamId: TestObjects.BTeam.id })
        })

        describe('Full list of application associations', async function () {
            it('for an admin lists all the applications in a team', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.BTeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.alice }
                })

                response.statusCode.should.equal(200)

                // TODO Enhance test
                const result = response.json()
                result.should.have.property('count', 1)
                result.should.have.property('applications').and.have.a.lengthOf(1)
                result.applications[0].should.have.property('id', TestObjects.TeamBApp.hashid)
                result.applications[0].should.have.property('name', 'team-b-application')
            })

            it('for an owner lists all the applications in a team', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.BTeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.bob }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                result.should.have.property('count', 1)
                result.should.have.property('applications').and.have.a.lengthOf(1)
                should(result.applications.some((application) => application.name === 'team-b-application')).equal(true)
            })

            it('for an member lists all the applications in a team', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.bob }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                result.should.have.property('count', 3)
                result.should.have.property('applications').and.have.a.lengthOf(3)
                should(result.applications.some((application) => application.name === 'team-a-application')).equal(true)
                should(result.applications.some((application) => application.name === 'team-a-application-2')).equal(true)
            })

            it('lists all instances within each application', async function () {
                const secondInstance = await app.factory.createInstance({ name: 'second-instance' }, app.application, app.stack, app.template, app.projectType)

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.bob }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                const application = result.applications.find((application) => application.name === app.application.name)

                application.should.have.property('instances').and.have.a.lengthOf(2)

                should(application.instances.some((instance) => instance.name === app.project.name)).equal(true)
                should(application.instances.some((instance) => instance.name === secondInstance.name)).equal(true)
            })

            it('includes the instance URL for each accounting for httpAdminRoot', async function () {
                const instance = await app.factory.createInstance({ name: 'another-instance' }, app.application, app.stack, app.template, app.projectType, { start: true })
                await instance.updateSetting(KEY_SETTINGS, { httpAdminRoot: '/editor' })

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.bob }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                const application = result.applications.find((application) => application.name === app.application.name)

                application.should.have.property('instances').and.have.a.lengthOf(2)

                const instanceDetails = application.instances.find((instance) => instance.name === 'another-instance')

                instanceDetails.should.have.property('id', instance.id)
                instanceDetails.should.have.property('url', 'http://another-instance.example.com/editor') // from stub driver
            })

            it('lists all devices within each application', async function () {
                await app.factory.createDevice({ name: 'device-1', type: 'test-device' }, TestObjects.ATeam, null, app.application)
                await app.factory.createDevice({ name: 'device-2', type: 'test-device' }, TestObjects.ATeam, null, app.application)
                await app.factory.createDevice({ name: 'device-3', type: 'test-device' }, TestObjects.ATeam, null, app.application)
                await app.factory.createDevice({ name: 'device-4', type: 'test-device' }, TestObjects.ATeam, null, app.application)
                await app.factory.createDevice({ name: 'device-5', type: 'test-device' }, TestObjects.ATeam, null, app.application)

                await app.factory.createDevice({ name: 'device-b-team', type: 'test-device' }, TestObjects.BTeam, null, TestObjects.TeamBApp)
                await app.factory.createDevice({ name: 'device-other-app', type: 'test-device' }, TestObjects.ATeam, null, TestObjects.TeamAApp2)

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.bob }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                const application = result.applications.find((application) => application.name === app.application.name)

                application.should.have.property('devices').and.have.a.lengthOf(5)

                should(application.devices.map((device) => device.name)).match(['device-1', 'device-2', 'device-3', 'device-4', 'device-5'])
            })

            it('fails if a user is not member of the team', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications`,
                    cookies: { sid: TestObjects.tokens.chris }
                })

                response.statusCode.should.equal(404)

                const result = response.json()
                result.should.have.property('code', 'not_found')
                result.should.have.property('error')
            })
        })

        describe('Summary list of application and application associations', async function () {
            it('includes counts of associated objects for each application', async function () {
                // Two instances
                const instanceOne = await app.factory.createInstance(
                    { name: 'application-1-instance-1' },
                    TestObjects.TeamAApp,
                    app.stack,
                    app.template,
                    app.projectType,
                    { start: false }
                )
                await app.factory.createInstance(
                    { name: 'application-1-instance-2' },
                    TestObjects.TeamAApp,
                    app.stack,
                    app.template,
                    app.projectType,
                    { start: false }
                )

                // 1 device (one is assigned to the instance)
                await app.factory.createDevice({ name: 'not-counted-assigned-to-instance-device', type: 'type2' }, TestObjects.ATeam, instanceOne)
                const device = await app.factory.createDevice({ name: 'counted-assigned-to-application-device', type: 'type2' }, TestObjects.ATeam, null, TestObjects.TeamAApp)

                // 3 device groups
                await app.factory.createApplicationDeviceGroup({}, TestObjects.TeamAApp)
                await app.factory.createApplicationDeviceGroup({}, TestObjects.TeamAApp)
                await app.factory.createApplicationDeviceGroup({}, TestObjects.TeamAApp)

                // 2 snapshots, one instance and one device
                await app.factory.createSnapshot({ name: 'snapshot 1' }, instanceOne, TestObjects.alice)
                await app.factory.createDeviceSnapshot({ name: 'snapshot 2' }, device, TestObjects.alice)

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${app.team.hashid}/applications?associationsLimit=3`,
                    cookies: { sid: TestObjects.tokens.alice }
                })

                response.statusCode.should.equal(200)

                const result = response.json()
                result.applications.should.have.a.lengthOf(3) // two above plus default

                const applicationOne = result.applications.find((application) => application.name === TestObjects.TeamAApp.name)

                applicationOne.instancesSummary.should.have.property('count', 2)
                applicationOne.devicesSummary.should.have.property('count', 1)
                applicationOne.should.have.property('deviceGroupCount', 3)
                applicationOne.should.have.property('snapshotCount', 2)
                // pipelineCount is not included for non EE

                const applicationTwo = result.applications.find((application) => application.name === TestObjects.TeamAApp2.name)

                applicationTwo.instancesSummary.should.have.property('count', 0)
                applicationTwo.devicesSummary.should.have.property('count', 0)
                applicationTwo.should.have.property('deviceGroupCount', 0)
                applicationTwo.should.have.property('snapshotCount', 0)
                // pipelineCount is not included for non EE
            })

            it('with a subset of application instances including most recent audit log', async function () {
                // Three instances
                const instanceOne = await app.factory.createInstance(
                    { name: 'application-1-instance-1' },
                    TestObjects.TeamAApp,
                    app.stack,
                    app.template,
                    app.projectType,
                    { start: false }
                )
                await app.factory.createInstance(
                    { name: 'application-1-instance-2' },
                    TestObjects.TeamAApp,
                    app.stack,
                    app.template,
                    app.projectType,
                    { start: false }
                )
                const instanceThree = await app.factory.createInstance(
                    { name: 'application-1-instance-3' },
                    TestObjects.TeamAApp,
                    app.stack,
                    app.template,
                    app.projectType,
                    { start: false }
                )

                // Fake audit log entry for first and last instance
                await app.auditLog.Project.project.suspended(null, null, instanceOne)
                await app.auditLog.Project.project.created(null, null, null, instanceThree)

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${app.team.hashid}/applications?associationsLimit=2`,
                    cookies: { sid: TestObjects.tokens.alice }
                })

                response.statusCode.should.equal(200)
                const result = response.json()

                const applicationOne = result.applications.find((application) => application.name === TestObjects.TeamAApp.name)

                // Only two of three included, based on mostRecentAuditLogCreatedAt
                applicationOne.instancesSummary.should.have.property('count', 3)
                applicationOne.instancesSummary.instances.should.have.lengthOf(2)

                // Most recent audit log included
                const instanceOneSummary = applicationOne.instancesSummary.instances.find((instance) => instance.name === 'application-1-instance-1')
                should(instanceOneSummary).not.be.null()
                /* instanceOneSummary.should.have.property('mostRecentAuditLogCreatedAt')
                instanceOneSummary.should.have.property('mostRecentAuditLogEvent', 'project.suspended') */

                const instanceThreeSummary = applicationOne.instancesSummary.instances.find((instance) => instance.name === 'application-1-instance-3')
                should(instanceThreeSummary).not.be.null()
                /* instanceThreeSummary.should.have.property('mostRecentAuditLogCreatedAt')
                instanceThreeSummary.should.have.property('mostRecentAuditLogEvent', 'project.created') */
            })

            it('with all a subset of application devices including most recent audit log', async function () {
                // 3 assigned devices
                const deviceOne = await app.factory.createDevice({ name: 'device-1', type: 'type2' }, TestObjects.ATeam, null, TestObjects.TeamAApp)
                await app.factory.createDevice({ name: 'device-2', type: 'type2' }, TestObjects.ATeam, null, TestObjects.TeamAApp)
                const deviceThree = await app.factory.createDevice({ name: 'device-3', type: 'type2' }, TestObjects.ATeam, null, TestObjects.TeamAApp)

                // Fake audit log entry for first and last device
                await app.auditLog.Device.device.assigned(null, null, TestObjects.TeamAApp, deviceOne)
                await app.auditLog.Device.device.developerMode.enabled(null, null, deviceThree)

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${app.team.hashid}/applications?associationsLimit=2`,
                    cookies: { sid: TestObjects.tokens.alice }
                })

                response.statusCode.should.equal(200)
                const result = response.json()

                const applicationOne = result.applications.find((application) => application.name === TestObjects.TeamAApp.name)

                // Only two of three included, based on mostRecentAuditLogCreatedAt
                applicationOne.devicesSummary.should.have.property('count', 3)
                applicationOne.devicesSummary.devices.should.have.lengthOf(2)

                // Most recent audit log included
                const deviceOneSummary = applicationOne.devicesSummary.devices.find((device) => device.name === 'device-1')
                should(deviceOneSummary).not.be.null()
                // deviceOneSummary.should.have.property('mostRecentAuditLogCreatedAt')
                // deviceOneSummary.should.have.property('mostRecentAuditLogEvent', 'device.assigned')

                const deviceThreeSummary = applicationOne.devicesSummary.devices.find((device) => device.name === 'device-3')
                should(deviceThreeSummary).not.be.null()
                // deviceThreeSummary.should.have.property('mostRecentAuditLogCreatedAt')
                // deviceThreeSummary.should.have.property('mostRecentAuditLogEvent', 'device.developer-mode.enabled')
            })
        })
    })

    describe('Get list of a teams applications statuses', async function () {
        it('with all instances and their status', async function () {
            const secondInstance = await app.factory.createInstance({ name: 'second-instance' }, app.application, app.stack, app.template, app.projectType, { start: false })
            const thirdInstance = await app.factory.createInstance({ name: 'third-instance' }, app.application, app.stack, app.template, app.projectType, { start: false })

            // Running
            const startResult = await app.containers.start(secondInstance)
            await startResult.started

            // Starting
            const startThirdResult = await app.containers.start(thirdInstance)

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications/status`,
                cookies: { sid: TestObjects.tokens.bob }
            })

            response.statusCode.should.equal(200)

            const result = response.json()
            const application = result.applications.find((application) => application.id === app.application.hashid)

            application.should.have.property('instances').and.have.a.lengthOf(3)

            const firstInstanceStatus = application.instances.find((instance) => instance.id === app.project.id)
            firstInstanceStatus.meta.should.have.property('state', 'unknown')

            const secondInstanceStatus = application.instances.find((instance) => instance.id === secondInstance.id)
            secondInstanceStatus.meta.should.have.property('state', 'running')

            const thirdInstanceStatus = application.instances.find((instance) => instance.id === thirdInstance.id)
            thirdInstanceStatus.meta.should.have.property('state', 'starting')
            await startThirdResult.started
        })

        it('with all devices and their status', async function () {
            const otherApp = await app.db.models.Application.create({ name: 'other-app', TeamId: TestObjects.ATeam.id })
            const otherTeamApp = await app.db.models.Application.create({ name: 'other-team-app', TeamId: TestObjects.BTeam.id })

            const device1 = await app.factory.createDevice({ name: 'device-1', type: 'test-device', lastSeenAt: new Date(), mode: 'developer', state: 'running' }, TestObjects.ATeam, null, app.application)
            const device2 = await app.factory.createDevice({ name: 'device-2', type: 'test-device', state: 'updating' }, TestObjects.ATeam, null, app.application)
            const device3 = await app.factory.createDevice({ name: 'device-3', type: 'test-device', state: 'suspended' }, TestObjects.ATeam, null, app.application)
            await app.factory.createDevice({ name: 'device-4', type: 'test-device', lastSeenAt: new Date(), state: 'running' }, TestObjects.ATeam, null, app.application)
            await app.factory.createDevice({ name: 'device-5', type: 'test-device' }, TestObjects.ATeam, null, app.application)

            await app.factory.createDevice({ name: 'device-other-team-app', type: 'test-device' }, TestObjects.BTeam, null, otherTeamApp)
            await app.factory.createDevice({ name: 'device-other-app', type: 'test-device' }, TestObjects.ATeam, null, otherApp)

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/applications/status`,
                cookies: { sid: TestObjects.tokens.bob }
            })

            response.statusCode.should.equal(200)

            const result = response.json()

            const application = result.applications.find((application) => application.id === app.application.hashid)
            const devices = application.devices

            devices.should.have.lengthOf(5)

            devices.find((device) => device.id === device1.hashid).should.have.property('mode', 'developer')
            devices.find((device) => device.id === device1.hashid).should.have.property('status', 'running')

            devices.find((device) => device.id === device2.hashid).should.have.property('mode', 'autonomous')
            devices.find((device) => device.id === device2.hashid).should.have.property('status', 'updating')

            devices.find((device) => device.id === device3.hashid).should.have.property('mode', 'autonomous')
            devices.find((device) => device.id === device3.hashid).should.have.property('status', 'suspended')

            // Device editor links are only for EE customers
        })
    })

    describe('Get list of a teams projects', async function () {
        // GET /api/v1/teams/:teamId/projects
        // - Admin/Owner/Member/project-token/device-token
        let teamAApplication1
        let teamAApplication2
        let teamAInstance3
        beforeEach(async function () {
            // Create some applications and instances in the team
            teamAApplication1 = await app.factory.createApplication({ name: 'application-1' }, TestObjects.ATeam)
            teamAApplication2 = await app.factory.createApplication({ name: 'application-2' }, TestObjects.ATeam)
            await app.factory.createInstance(
                { name: 'list-instance-1' },
                teamAApplication1,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )
            await app.factory.createInstance(
                { name: 'list-instance-2' },
                teamAApplication1,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )
            teamAInstance3 = await app.factory.createInstance(
                { name: 'list-instance-3' },
                teamAApplication2,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )
        })
        it('User can get a list of team projects', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('projects').and.be.an.Array()
            result.projects.should.have.a.property('length', 4)
        })
        it('Counts and returns instances missing their settings row', async function () {
            const instances = await app.db.models.Project.byTeam(TestObjects.ATeam.hashid)
            const victim = instances.find((p) => p.name === 'list-instance-1')
            await app.db.models.ProjectSettings.destroy({ where: { ProjectId: victim.id, key: KEY_SETTINGS } })

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=25`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.meta.should.have.property('total', 4)
            result.projects.should.have.length(4)
            result.projects.map((p) => p.name).should.containEql('list-instance-1')
        })
        it('Filters the project list by live state', async function () {
            const warningInstance = await app.factory.createInstance(
                { name: 'list-instance-warning' },
                teamAApplication1,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )
            // Live state lives in a cache and must win over the `state` column:
            // teamAInstance3 is crashed live, so it is excluded from a running-group query.
            await app.db.controllers.Project.setLatestProjectState(warningInstance.id, 'warning')
            await app.db.controllers.Project.setLatestProjectState(teamAInstance3.id, 'crashed')

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?state=warning&state=running`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            const names = result.projects.map((p) => p.name)
            names.should.containEql('list-instance-warning')
            names.should.not.containEql('list-instance-3')
        })
        it('Reflects the filtered total in pagination meta', async function () {
            const makeWarning = async (name) => {
                const instance = await app.factory.createInstance(
                    { name }, teamAApplication1, app.stack, app.template, app.projectType, { start: false }
                )
                await app.db.controllers.Project.setLatestProjectState(instance.id, 'warning')
                return instance
            }
            await makeWarning('list-instance-warn-1')
            await makeWarning('list-instance-warn-2')

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?state=warning&page=1&limit=1`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            // total reflects the filtered set (2), not every project in the team
            result.meta.should.have.property('total', 2)
            result.projects.should.have.length(1)
        })
        it('Returns an empty filtered page when no instance matches the state', async function () {
            // no instance has a live/column state of `warning` in a fresh test
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?state=warning&page=1&limit=25`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.projects.should.have.length(0)
            result.meta.should.have.property('total', 0)
        })
        it('Filters by a single state value (coerced to an array)', async function () {
            const warningInstance = await app.factory.createInstance(
                { name: 'list-instance-warning-single' },
                teamAApplication1,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )
            await app.db.controllers.Project.setLatestProjectState(warningInstance.id, 'warning')

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?state=warning`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            const names = result.projects.map((p) => p.name)
            names.should.containEql('list-instance-warning-single')
            names.should.not.containEql('list-instance-1')
        })
        it('RBAC filters team project list', async function () {
            // Create a user for RBAC testing
            const rbacUser = await app.db.models.User.create({
                username: 'rbacuser',
                name: 'RBAC User',
                email: 'rbac@example.com',
                email_verified: true,
                password: 'rbacPassword'
            })

            // Add user to team with Dashboard role
            await TestObjects.ATeam.addUser(rbacUser, { through: { role: Roles.Member } })

            // Enable RBAC for the team
            const defaultTeamTypeProperties = app.defaultTeamType.properties
            defaultTeamTypeProperties.features = defaultTeamTypeProperties.features || {}
            defaultTeamTypeProperties.features.rbacApplication = true
            app.defaultTeamType.properties = defaultTeamTypeProperties
            await app.defaultTeamType.save()
            // console.log(TestObjects.ATeam.TeamType.id)
            await TestObjects.ATeam.reload({ include: [app.db.models.TeamType] })

            // Enable platform RBAC
            app.config.features.register('rbacApplication', true, false)

            // Remove user's access to application 2
            const teamMembership = await app.db.models.TeamMember.findOne({
                where: { TeamId: TestObjects.ATeam.id, UserId: rbacUser.id }
            })
            teamMembership.permissions = {
                applications: {
                    [teamAApplication1.hashid]: Roles.None
                }
            }
            await teamMembership.save()

            await login('rbacuser', 'rbacPassword')
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects`,
                cookies: { sid: TestObjects.tokens.rbacuser }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('projects').and.be.an.Array()
            result.projects.should.length(2)
            result.projects[0].should.have.property('id', app.project.id)

            // Verify limit query param
            const response2 = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?limit=2`,
                cookies: { sid: TestObjects.tokens.rbacuser }
            })
            response2.statusCode.should.equal(200)
            const result2 = response2.json()
            result2.should.have.property('projects').and.be.an.Array()
            result2.projects.should.length(2)
            result2.projects[0].should.have.property('id', app.project.id)
            result2.projects[1].should.have.property('id', teamAInstance3.id)
        })
        it('Device can get a list of team projects', async function () {
            // GET /api/v1/team/:teamId/devices
            // This test is for the case where a device requests a list of projects (i.e. the project-link nodes "target" dropdown)
            const device = await createDevice({ name: 'New device in A-Team', type: '', team: TestObjects.ATeam.hashid, as: TestObjects.tokens.alice })
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects`,
                headers: {
                    authorization: `Bearer ${device.credentials.token}`
                }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('projects').and.be.an.Array()
            result.projects.should.have.a.property('length', 4)
        })

        it('Device can not get a list of team projects without a valid token', async function () {
            // GET /api/v1/team/:teamId/devices
            const device = await createDevice({ name: 'New device in A-Team', type: '', team: TestObjects.ATeam.hashid, as: TestObjects.tokens.alice })
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects`,
                headers: {
                    authorization: `Bearer ${device.credentials.token + 'invalid'}`
                }
            })
            response.statusCode.should.equal(401)
        })

        it('Device can not get a list of team projects for a different team', async function () {
            // GET /api/v1/team/:teamId/devices
            const device = await createDevice({ name: 'New device in A-Team', type: '', team: TestObjects.ATeam.hashid, as: TestObjects.tokens.alice })
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.BTeam.hashid}/projects`,
                headers: {
                    authorization: `Bearer ${device.credentials.token}`
                }
            })
            response.statusCode.should.equal(404)
        })

        it('Paginates with page+limit and returns total in meta', async function () {
            // 4 projects exist (app.project + 3 created in beforeEach)
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=2`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.projects.should.have.length(2)
            result.should.have.property('count', 4)
            result.should.have.property('meta')
            result.meta.should.have.property('page', 1)
            result.meta.should.have.property('pageSize', 2)
            result.meta.should.have.property('total', 4)
            result.meta.should.have.property('pageCount', 2)
        })

        it('Server-side search filters by project name (case-insensitive)', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=25&query=LIST-INSTANCE-1`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            // 'list-instance-1' matches 'list-instance-1' only (not list-instance-2/3)
            result.projects.should.have.length(1)
            result.projects[0].should.have.property('name', 'list-instance-1')
            result.meta.should.have.property('total', 1)
        })

        it('Sort by name ascending returns expected order', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=25&sort=name&dir=asc`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            const names = result.projects.map(p => p.name)
            const sorted = [...names].sort()
            names.should.deepEqual(sorted)
        })

        it('Sort by name descending returns reverse order', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=25&sort=name&dir=desc`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            const names = result.projects.map(p => p.name)
            const sorted = [...names].sort().reverse()
            names.should.deepEqual(sorted)
        })

        it('page=2 returns the second slice with correct offset', async function () {
            // 4 projects, limit=2 → page 1 = first two, page 2 = remaining two.
            // Pin the order so offset arithmetic is deterministic.
            const pageOne = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&limit=2&sort=name&dir=asc`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            const pageTwo = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=2&limit=2&sort=name&dir=asc`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            pageTwo.statusCode.should.equal(200)
            const r1 = pageOne.json()
            const r2 = pageTwo.json()
            r2.projects.should.have.length(2)
            r2.meta.should.have.property('page', 2)
            r2.meta.should.have.property('total', 4)
            // The two pages must not overlap.
            const ids1 = r1.projects.map(p => p.id)
            const ids2 = r2.projects.map(p => p.id)
            ids2.forEach(id => ids1.should.not.containEql(id))
        })

        it('schema.querystring rejects an invalid sort key', async function () {
            // Confirms the `enum` in the route schema actually enforces — proves we're using
            // `schema.querystring` (honored) rather than bare `query:` (silently ignored).
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/projects?page=1&sort=nope`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(400)
        })
    })

    describe('Get a list of a teams dashboard instances', () => {
        it('Users can get a filtered list of team instances that only have the dashboard module installed', async function () {
            // GET /api/v1/team/:teamId/dashboard-instances
            const team = await app.db.models.Team.create({ name: 'mock-team-1', TeamTypeId: app.defaultTeamType.id })
            const application = await app.factory.createApplication({ name: 'application-1' }, team)
            await app.factory.createInstance(
                { name: 'mock-instance-1' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {
                        palette: { modules: [{ name: '@flowfuse/node-red-dashboard', version: '~1.15.0', local: true }] }
                    }
                }
            )
            await app.factory.createInstance(
                { name: 'mock-instance-2' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false
                }
            )
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${team.hashid}/dashboard-instances`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('projects').and.be.an.Array()
            result.projects.should.have.a.property('length', 1)
        })
        it('Non team members cannot access the endpoint', async function () {
            // GET /api/v1/team/:teamId/dashboard-instances
            const team = await app.db.models.Team.create({ name: 'mock-team-1', TeamTypeId: app.defaultTeamType.id })
            const application = await app.factory.createApplication({ name: 'application-1' }, team)
            await app.factory.createInstance(
                { name: 'mock-instance-1' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {
                        palette: { modules: [{ name: '@flowfuse/node-red-dashboard', version: '~1.15.0', local: true }] }
                    }
                }
            )
            await app.factory.createInstance(
                { name: 'mock-instance-2' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false
                }
            )
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${team.hashid}/dashboard-instances`,
                cookies: { sid: TestObjects.tokens.chris }
            })
            response.statusCode.should.equal(404)
        })
        it('Unauthenticated members cannot access the endpoint (401)', async function () {
            // GET /api/v1/team/:teamId/dashboard-instances
            const team = await app.db.models.Team.create({ name: 'mock-team-1', TeamTypeId: app.defaultTeamType.id })
            const application = await app.factory.createApplication({ name: 'application-1' }, team)
            await app.factory.createInstance(
                { name: 'mock-instance-1' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {
                        palette: { modules: [{ name: '@flowfuse/node-red-dashboard', version: '~1.15.0', local: true }] }
                    }
                }
            )
            await app.factory.createInstance(
                { name: 'mock-instance-2' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false
                }
            )
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${team.hashid}/dashboard-instances`,
                cookies: { sid: 'abcd' }
            })
            response.statusCode.should.equal(401)
        })
        it('Returns a 404 response when no instances are found', async () => {
            // GET /api/v1/team/:teamId/dashboard-instances
            const team = await app.db.models.Team.create({ name: 'mock-team-1', TeamTypeId: app.defaultTeamType.id })
            await app.factory.createApplication({ name: 'application-1' }, team)

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${team.hashid}/dashboard-instances`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(404)
        })
        it('Returns a 200 empty response when no dashboards are found', async () => {
            // GET /api/v1/team/:teamId/dashboard-instances
            const team = await app.db.models.Team.create({ name: 'mock-team-1', TeamTypeId: app.defaultTeamType.id })

            const application = await app.factory.createApplication({ name: 'application-1' }, team)
            await app.factory.createInstance(
                { name: 'mock-instance-3' },
                application,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {}
                }
            )
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${team.hashid}/dashboard-instances`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const reply = response.json()
            should(reply).be.an.Object()
            reply.should.have.property('count', 0)
            reply.should.have.property('projects').and.be.Array()
            reply.projects.should.have.property('length', 0)
        })
    })

    describe('Dashboard instances with Application RBAC', function () {
        let rbacTeam, rbacUser, rbacApplication1, rbacApplication2

        beforeEach(async function () {
            // Create a team with RBAC enabled
            rbacTeam = await app.db.models.Team.create({ name: 'rbac-team', TeamTypeId: app.defaultTeamType.id })

            // Create a user for RBAC testing
            rbacUser = await app.db.models.User.create({
                username: 'rbacuser',
                name: 'RBAC User',
                email: 'rbac@example.com',
                email_verified: true,
                password: 'rbacPassword'
            })

            // Add user to team with Dashboard role
            await rbacTeam.addUser(rbacUser, { through: { role: Roles.Dashboard } })

            // Create applications
            rbacApplication1 = await app.factory.createApplication({ name: 'rbac-app-1' }, rbacTeam)
            rbacApplication2 = await app.factory.createApplication({ name: 'rbac-app-2' }, rbacTeam)

            // Create instances with dashboard modules
            await app.factory.createInstance(
                { name: 'rbac-instance-1' },
                rbacApplication1,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {
                        palette: { modules: [{ name: '@flowfuse/node-red-dashboard', version: '~1.15.0', local: true }] }
                    }
                }
            )

            await app.factory.createInstance(
                { name: 'rbac-instance-2' },
                rbacApplication2,
                app.stack,
                app.template,
                app.projectType,
                {
                    start: false,
                    settings: {
                        palette: { modules: [{ name: '@flowfuse/node-red-dashboard', version: '~1.15.0', local: true }] }
                    }
                }
            )

            // Login as the RBAC user
            await login('rbacuser', 'rbacPassword')
        })

        afterEach(async function () {
            // Clean up
            await app.db.models.Project.destroy({ where: { name: ['rbac-instance-1', 'rbac-instance-2'] } })
            await app.db.models.Application.destroy({ where: { name: ['rbac-app-1', 'rbac-app-2'] } })
            await app.db.models.Team.destroy({ where: { name: 'rbac-team' } })
            await app.db.models.User.destroy({ where: { username: 'rbacuser' } })
        })

        describe('RBAC disabled', function () {
            it('should return all dashboard instances when RBAC is disabled', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 2)
            })
        })

        describe('RBAC enabled', function () {
            beforeEach(async function () {
                // Enable RBAC for the team
                const defaultTeamTypeProperties = app.defaultTeamType.properties
                defaultTeamTypeProperties.features = defaultTeamTypeProperties.features || {}
                defaultTeamTypeProperties.features.rbacApplication = true
                app.defaultTeamType.properties = defaultTeamTypeProperties
                await app.defaultTeamType.save()

                // Enable platform RBAC
                app.config.features.register('rbacApplication', true, false)
            })

            afterEach(async function () {
                // Disable RBAC
                const defaultTeamTypeProperties = app.defaultTeamType.properties
                defaultTeamTypeProperties.features.rbacApplication = false
                app.defaultTeamType.properties = defaultTeamTypeProperties
                await app.defaultTeamType.save()

                app.config.features.register('rbacApplication', false, false)
            })

            it('should return all dashboard instances when user has access to all applications', async function () {
                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 2)
            })

            it('should filter out instances from applications user has no access to', async function () {
                // Remove user's access to application 2
                const teamMembership = await app.db.models.TeamMember.findOne({
                    where: { TeamId: rbacTeam.id, UserId: rbacUser.id }
                })
                teamMembership.permissions = {
                    applications: {
                        [rbacApplication2.hashid]: Roles.None
                    }
                }
                await teamMembership.save()

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 1)
                result.projects[0].name.should.equal('rbac-instance-1')
            })

            it('should return empty list when user has no access to any applications', async function () {
                // Remove user's access to both applications
                const teamMembership = await app.db.models.TeamMember.findOne({
                    where: { TeamId: rbacTeam.id, UserId: rbacUser.id }
                })
                teamMembership.permissions = {
                    applications: {
                        [rbacApplication1.hashid]: Roles.None,
                        [rbacApplication2.hashid]: Roles.None
                    }
                }
                await teamMembership.save()

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('count', 0)
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 0)
            })

            it('should respect application-specific role permissions', async function () {
                // Give user Viewer role for app1 (should have access) and None for app2
                const teamMembership = await app.db.models.TeamMember.findOne({
                    where: { TeamId: rbacTeam.id, UserId: rbacUser.id }
                })
                teamMembership.permissions = {
                    applications: {
                        [rbacApplication1.hashid]: Roles.Viewer, // Should have access (Viewer >= Dashboard)
                        [rbacApplication2.hashid]: Roles.None // Should not have access
                    }
                }
                await teamMembership.save()

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 1)
                result.projects[0].name.should.equal('rbac-instance-1')
            })

            it('should deny access when user has insufficient role for specific application', async function () {
                // Give user None role for app1 (should not have access)
                const teamMembership = await app.db.models.TeamMember.findOne({
                    where: { TeamId: rbacTeam.id, UserId: rbacUser.id }
                })
                teamMembership.permissions = {
                    applications: {
                        [rbacApplication1.hashid]: Roles.None, // Should not have access
                        [rbacApplication2.hashid]: Roles.Viewer // Should have access
                    }
                }
                await teamMembership.save()

                const response = await app.inject({
                    method: 'GET',
                    url: `/api/v1/teams/${rbacTeam.hashid}/dashboard-instances`,
                    cookies: { sid: TestObjects.tokens.rbacuser }
                })

                response.statusCode.should.equal(200)
                const result = response.json()
                result.should.have.property('projects').and.be.an.Array()
                result.projects.should.have.a.property('length', 1)
                result.projects[0].name.should.equal('rbac-instance-2')
            })
        })
    })

    describe('Create team', async function () {
        // POST /api/v1/teams
        // - Admin/Owner/Member
    })

    describe('Delete team', async function () {
        // DELETE /api/v1/teams/:teamId
        // - Admin/Owner/Member
        // - should fail if team owns projects
        it('can delete team with instance', async function () {
            const team = await app.db.models.Team.create({ name: 'delete-team-1', TeamTypeId: app.defaultTeamType.id })
            const application = await app.factory.createApplication({ name: 'application-1' }, team)
            await app.factory.createInstance(
                { name: 'delete-instance-1' },
                application,
                app.stack,
                app.template,
                app.projectType,
                { start: false }
            )

            const response = await app.inject({
                method: 'DELETE',
                url: `/api/v1/teams/${team.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })

            response.statusCode.should.equal(200)
        })
        it('admin can delete team without instances', async function () {
            const team = await app.db.models.Team.create({ name: 'delete-team-2', TeamTypeId: app.defaultTeamType.id })
            const response = await app.inject({
                method: 'DELETE',
                url: `/api/v1/teams/${team.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
        })
        it('owner can delete team without instances', async function () {
            const team = await app.db.models.Team.create({ name: 'delete-team-3', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })

            const response = await app.inject({
                method: 'DELETE',
                url: `/api/v1/teams/${team.hashid}`,
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
        })
        it('member cannot delete team without instances', async function () {
            const team = await app.db.models.Team.create({ name: 'delete-team-4', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Member } })

            const response = await app.inject({
                method: 'DELETE',
                url: `/api/v1/teams/${team.hashid}`,
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(403)
        })
    })

    describe('Edit team details', async function () {
        // PUT /api/v1/teams/:teamId
        it('owner can modify team name/slug', async function () {
            const team = await app.db.models.Team.create({ name: 'update-team-1', slug: 'team-1', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })

            const response = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${team.hashid}`,
                payload: {
                    name: 'update-team-1-new',
                    slug: 'team-1-new'
                },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('name', 'update-team-1-new')
            result.should.have.property('slug', 'team-1-new')

            await team.reload()
            team.should.have.property('name', 'update-team-1-new')
            team.should.have.property('slug', 'team-1-new')
        })
        it('member cannot modify team name/slug', async function () {
            const team = await app.db.models.Team.create({ name: 'update-team-2', slug: 'team-2', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Member } })

            const response = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${team.hashid}`,
                payload: {
                    name: 'update-team-2-new',
                    slug: 'team-2-new'
                },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(403)
        })
        it('cannot modify slug to in-use value', async function () {
            const team = await app.db.models.Team.create({ name: 'update-team-5', slug: 'team-5', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })

            const response = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${team.hashid}`,
                payload: {
                    slug: 'bteam'
                },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'unexpected_error')
            result.error.should.match(/slug must be unique/)
        })
        it('cannot modify name and type in one request', async function () {
            const team = await app.db.models.Team.create({ name: 'update-team-3', slug: 'team-3', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
            const newTeamType = await app.db.models.TeamType.create({
                name: 'bigger-team-type',
                description: 'team type description',
                active: true,
                order: 1,
                properties: {
                    instances: {
                        [app.projectType.hashid]: { active: true }
                    },
                    devices: { },
                    users: { },
                    features: { }
                }
            })
            const response = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${team.hashid}`,
                payload: {
                    name: 'update-team-3-new',
                    type: newTeamType.hashid
                },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'invalid_request')
            result.error.should.match(/Cannot modify other properties/i)
        })

        it('can modify team type', async function () {
            const team = await app.db.models.Team.create({ name: 'update-team-4', slug: 'team-4', TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
            const newTeamType = await app.db.models.TeamType.create({
                name: 'bigger-team-type',
                description: 'team type description',
                active: true,
                order: 1,
                properties: {
                    instances: {
                        [app.projectType.hashid]: { active: true }
                    },
                    devices: { },
                    users: { },
                    features: { }
                }
            })
            const response = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${team.hashid}`,
                payload: {
                    type: newTeamType.hashid
                },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('type')
            result.type.should.have.property('id', newTeamType.hashid)

            await team.reload()

            team.should.have.property('TeamTypeId', newTeamType.id)
        })

        describe('Suspending team', async function () {
            it('non-owner cannot suspend team', async function () {
                const teamName = generateName('suspend-team')
                const team = await app.db.models.Team.create({ name: teamName, slug: teamName, TeamTypeId: app.defaultTeamType.id })
                await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
                await team.addUser(TestObjects.chris, { through: { role: Roles.Member } })
                const response = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: {
                        suspended: true
                    },
                    cookies: { sid: TestObjects.tokens.chris }
                })
                response.statusCode.should.equal(403)
            })
            it('cannot modify name and suspended state in one request', async function () {
                const teamName = generateName('suspend-team')
                const team = await app.db.models.Team.create({ name: teamName, slug: teamName, TeamTypeId: app.defaultTeamType.id })
                await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
                const response = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: {
                        name: teamName + '-new',
                        suspended: true
                    },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(400)
                const result = response.json()
                result.should.have.property('code', 'invalid_request')
                result.error.should.match(/Cannot modify other properties/i)
            })
            it('suspending a team causes all instances to be suspended', async function () {
                // 0. Create team/application/instance
                const teamName = generateName('suspend-team')
                const team = await app.db.models.Team.create({ name: teamName, slug: teamName, TeamTypeId: app.defaultTeamType.id })
                const application = await app.factory.createApplication({ name: generateName('suspend-team-app') }, team)
                await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
                const projectName = generateName('suspend-team-project')
                const response = await app.inject({
                    method: 'POST',
                    url: '/api/v1/projects',
                    payload: {
                        name: projectName,
                        applicationId: application.hashid,
                        projectType: app.projectType.hashid,
                        template: app.template.hashid,
                        stack: app.stack.hashid
                    },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(200)
                const instanceDetails = response.json()
                const getInstanceStatus = async () => {
                    return (await app.inject({ method: 'GET', url: `/api/v1/projects/${instanceDetails.id}`, cookies: { sid: TestObjects.tokens.bob } })).json().meta.state
                }
                await sleep(START_DELAY + 50)
                ;(await getInstanceStatus()).should.equal('running')

                // 1. Suspend the team
                const suspendResponse = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: { suspended: true },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                suspendResponse.statusCode.should.equal(200)
                const suspendResult = suspendResponse.json()

                // 2. Check team is marked as suspended
                suspendResult.should.have.property('suspended', true)

                // 3. Check the team instance has been suspended
                await sleep(STOP_DELAY + 50)
                ;(await getInstanceStatus()).should.equal('suspended')

                // 4. Check we cannot restart the team instance
                const startResponse = await app.inject({
                    method: 'POST',
                    url: `/api/v1/projects/${instanceDetails.id}/actions/start`,
                    cookies: { sid: TestObjects.tokens.bob }
                })
                const startResult = startResponse.json()
                startResult.should.have.property('code', 'team_suspended')
                startResponse.statusCode.should.equal(400)

                // 5. Check we cannot create a new instance
                const createInstanceResponse = await app.inject({
                    method: 'POST',
                    url: '/api/v1/projects',
                    payload: {
                        name: generateName('suspend-team-project'),
                        applicationId: application.hashid,
                        projectType: app.projectType.hashid,
                        template: app.template.hashid,
                        stack: app.stack.hashid
                    },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                const createInstanceResult = createInstanceResponse.json()
                createInstanceResult.should.have.property('code', 'team_suspended')
                createInstanceResponse.statusCode.should.equal(400)

                // 6. Check we cannot create a new device
                const createDeviceResponse = await app.inject({
                    method: 'POST',
                    url: '/api/v1/devices',
                    body: {
                        name: generateName('suspend-team-device'),
                        type: 'rp',
                        team: team.hashid
                    },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                const createDeviceResult = createDeviceResponse.json()
                createDeviceResult.should.have.property('code', 'team_suspended')
                createDeviceResponse.statusCode.should.equal(400)

                // 7. Unsuspend the team
                const unsuspendResponse = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: { suspended: false },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                unsuspendResponse.statusCode.should.equal(200)
                const unsuspendResult = unsuspendResponse.json()

                // 8. Check team is marked as *not* suspended
                unsuspendResult.should.have.property('suspended', false)

                // 9. Check we can restart the team instance
                const restartResponse = await app.inject({
                    method: 'POST',
                    url: `/api/v1/projects/${instanceDetails.id}/actions/start`,
                    cookies: { sid: TestObjects.tokens.bob }
                })
                restartResponse.statusCode.should.equal(200)

                await sleep(START_DELAY + 50)
                ;(await getInstanceStatus()).should.equal('running')
            })
        })
    })

    describe('Get current users membership', async function () {
        // GET /api/v1/teams/:teamId/user
    })

    describe('Comms credentials', async function () {
        // POST /api/v1/teams/:teamId/comms-credentials
        it('issues team-channel credentials for a team member', async function () {
            const response = await app.inject({
                method: 'POST',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                payload: { sessionId: 'tab-1234567890' },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('username', `fe-team:${TestObjects.bob.hashid}:${TestObjects.ATeam.hashid}:tab-1234567890`)
            result.should.have.property('password')
            result.password.should.match(/^ffbtf_/)
            result.should.have.property('url')
        })
        it('issues a last will on the session disconnect topic', async function () {
            const response = await app.inject({
                method: 'POST',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                payload: { sessionId: 'tab-1234567890' },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            // Guards the response schema as much as the controller: an undeclared
            // property would be silently stripped on serialization.
            result.should.have.property('will')
            result.will.should.have.property('topic', `ff/v1/${TestObjects.ATeam.hashid}/u/${TestObjects.bob.hashid}/s/tab-1234567890/disconnected`)
            // The comms client discards a will it cannot JSON.parse
            result.will.should.have.property('payload')
            should.doesNotThrow(() => JSON.parse(result.will.payload))
        })
        it('rejects a non-member with 404', async function () {
            const response = await app.inject({
                method: 'POST',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                payload: { sessionId: 'tab-1234567890' },
                cookies: { sid: TestObjects.tokens.chris }
            })
            response.statusCode.should.equal(404)
        })
        it('rejects when sessionId is missing', async function () {
            const response = await app.inject({
                method: 'POST',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                payload: {},
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(400)
            response.json().should.have.property('code', 'invalid_request')
        })
        it('rejects when sessionId is too short', async function () {
            const response = await app.inject({
                method: 'POST',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                payload: { sessionId: 'short' },
                cookies: { sid: TestObjects.tokens.bob }
            })
            response.statusCode.should.equal(400)
            response.json().should.have.property('code', 'invalid_request')
        })
        it('returns 503 when comms is not configured', async function () {
            const originalComms = app.comms
            app.comms = null
            try {
                const response = await app.inject({
                    method: 'POST',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                    payload: { sessionId: 'tab-1234567890' },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(503)
                response.json().should.have.property('code', 'comms_unavailable')
            } finally {
                app.comms = originalComms
            }
        })
        it('returns 503 when broker client cannot be created', async function () {
            const stub = sinon.stub(app.db.controllers.BrokerClient, 'createClientForTeamFrontend').resolves(null)
            try {
                const response = await app.inject({
                    method: 'POST',
                    url: `/api/v1/teams/${TestObjects.ATeam.hashid}/comms-credentials`,
                    payload: { sessionId: 'tab-1234567890' },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(503)
                response.json().should.have.property('code', 'comms_unavailable')
            } finally {
                stub.restore()
            }
        })
    })

    describe('Team-channel notifications', async function () {
        it('publishes a team-channel notify on team update', async function () {
            const team = await app.db.models.Team.create({ name: generateName('notify-team'), slug: generateName('notify-slug'), TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
            const notifyStub = sinon.stub(app.comms.team, 'notify')
            try {
                const response = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: { name: team.name + '-updated' },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(200)
                notifyStub.calledWith(team.hashid, 'updated').should.be.true()
            } finally {
                notifyStub.restore()
            }
        })
        it('publishes a team-channel notify when a team is suspended', async function () {
            const team = await app.db.models.Team.create({ name: generateName('notify-suspend'), slug: generateName('notify-suspend-slug'), TeamTypeId: app.defaultTeamType.id })
            await team.addUser(TestObjects.bob, { through: { role: Roles.Owner } })
            const notifyStub = sinon.stub(app.comms.team, 'notify')
            try {
                const response = await app.inject({
                    method: 'PUT',
                    url: `/api/v1/teams/${team.hashid}`,
                    payload: { suspended: true },
                    cookies: { sid: TestObjects.tokens.bob }
                })
                response.statusCode.should.equal(200)
                notifyStub.calledWith(team.hashid, 'suspended').should.be.true()
            } finally {
                notifyStub.restore()
            }
        })
    })

    describe('Get team audit-log', async function () {
        // GET /api/v1/teams/:teamId/audit-log
    })

    describe('License limits', async function () {
        it('Permits overage when licensed', async function () {
            // This license has limit of 4 teams (2 created by default test setup)
            await app.license.apply('eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJGbG93Rm9yZ2UgSW5jLiIsInN1YiI6IkZsb3dGb3JnZSBJbmMuIERldmVsb3BtZW50IiwibmJmIjoxNjYyNTk1MjAwLCJleHAiOjc5ODcwNzUxOTksIm5vdGUiOiJEZXZlbG9wbWVudC1tb2RlIE9ubHkuIE5vdCBmb3IgcHJvZHVjdGlvbiIsInVzZXJzIjoxNTAsInRlYW1zIjo0LCJwcm9qZWN0cyI6NTAsImRldmljZXMiOjUwLCJkZXYiOnRydWUsImlhdCI6MTY2MjYzMTU4N30.J6ceWv3SdFC-J_dt05geeQZHosD1D102u54tVLeu_4EwRO5OYGiqMxFW3mx5pygod3xNT68e2Wq8A7wNVCt3Rg')
            // Alice create in setup()
            TestObjects.alice = await app.db.models.User.byUsername('alice')
            TestObjects.defaultTeamType = await app.db.models.TeamType.findOne({ where: { id: 1 } })
            TestObjects.tokens = {}
            await login('alice', 'aaPassword')

            // Check we're at the starting point we expect - want 2 teams
            await TestObjects.CTeam.destroy()
            await TestObjects.DTeam.destroy()
            ;(await app.db.models.Team.count()).should.equal(2)

            for (let i = 0; i < 3; i++) {
                const response = await app.inject({
                    method: 'POST',
                    url: '/api/v1/teams',
                    cookies: { sid: TestObjects.tokens.alice },
                    payload: {
                        name: `t${i}`,
                        slug: `t${i}`,
                        type: TestObjects.defaultTeamType.hashid
                    }
                })
                response.statusCode.should.equal(200)
            }

            ;(await app.db.models.Team.count()).should.equal(5)
        })

        it('Does not permit overage when unlicensed', async function () {
            app.license.defaults.teams = 4 // override default
            // Alice created in setup()
            TestObjects.alice = await app.db.models.User.byUsername('alice')
            TestObjects.defaultTeamType = await app.db.models.TeamType.findOne({ where: { id: 1 } })
            TestObjects.tokens = {}
            await login('alice', 'aaPassword')

            // Check we're at the starting point we expect - want 2 teams
            await TestObjects.CTeam.destroy()
            await TestObjects.DTeam.destroy()
            ;(await app.db.models.Team.count()).should.equal(2)

            for (let i = 0; i < 2; i++) {
                const response = await app.inject({
                    method: 'POST',
                    url: '/api/v1/teams',
                    cookies: { sid: TestObjects.tokens.alice },
                    payload: {
                        name: `t${i}`,
                        slug: `t${i}`,
                        type: TestObjects.defaultTeamType.hashid
                    }
                })
                response.statusCode.should.equal(200)
            }

            ;(await app.db.models.Team.count()).should.equal(4)

            const failResponse = await app.inject({
                method: 'POST',
                url: '/api/v1/teams',
                cookies: { sid: TestObjects.tokens.alice },
                payload: {
                    name: 't2',
                    slug: 't2',
                    type: TestObjects.defaultTeamType.hashid
                }
            })
            failResponse.statusCode.should.equal(400)
            failResponse.json().error.should.match(/license limit/)
        })
    })

    describe('Check slug availability', async function () {
        it('reports if slug is available', async function () {
            const response = await app.inject({
                method: 'POST',
                url: '/api/v1/teams/check-slug',
                cookies: { sid: TestObjects.tokens.alice },
                payload: {
                    slug: 'new-slug'
                }
            })
            response.statusCode.should.equal(200)
        })
        it('reports if slug is unavailable', async function () {
            const response = await app.inject({
                method: 'POST',
                url: '/api/v1/teams/check-slug',
                cookies: { sid: TestObjects.tokens.alice },
                payload: {
                    slug: 'ateam'
                }
            })
            response.statusCode.should.equal(409)
        })
        it('reports if slug is reserved', async function () {
            const response = await app.inject({
                method: 'POST',
                url: '/api/v1/teams/check-slug',
                cookies: { sid: TestObjects.tokens.alice },
                payload: {
                    slug: 'create'
                }
            })
            response.statusCode.should.equal(409)
        })
    })

    describe('Get team instance counts', async function () {
        it('returns instance state counters for the hosted instanceType', async function () {
            const stub = sinon.stub(app.db.models.Project, 'countByState').resolves([
                { state: 'running', count: 1 },
                { state: 'stopped', count: 2 }
            ])

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'hosted',
                    state: ['running', 'stopped']
                }
            })
            response.statusCode.should.equal(200)
            const result = response.json()
            result.should.have.property('running', 1)
            result.should.have.property('stopped', 2)
            result.should.not.have.property('error')

            stub.restore()
        })

        it('returns instance state counters for the remote instanceType', async function () {
            const stub = sinon.stub(app.db.models.Device, 'countByState').resolves([
                { state: 'running', count: 5 },
                { state: 'stopped', count: 1 }
            ])

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'remote',
                    state: ['running', 'stopped']
                }
            })
            response.statusCode.should.equal(200)
            const result = response.json()

            result.should.have.property('running', 5)
            result.should.have.property('stopped', 1)
            result.should.not.have.property('error')

            stub.restore()
        })

        it('returns an instance count even if the state is passed in as a string', async function () {
            const stub = sinon.stub(app.db.models.Device, 'countByState').resolves([
                { state: 'running', count: 0 }
            ])
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'remote',
                    state: 'running'
                }
            })
            response.statusCode.should.equal(200)
            const result = response.json()

            result.should.have.property('running', 0)
            result.should.not.have.property('stopped', 1)
            result.should.not.have.property('error')

            stub.restore()
        })

        it('returns error for invalid instanceType', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'invalidType',
                    state: ['running']
                }
            })
            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'invalid_instance_type')
        })

        it('returns error for invalid state value', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'hosted',
                    state: ['invalidState']
                }
            })
            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'invalid_state')
            if (!result.error || !/invalid state value/i.test(result.error)) {
                throw new Error('Expected error to match "invalid state value"')
            }
        })

        it('returns error if instanceType query is missing', async function () {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    state: ['running']
                }
            })
            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'invalid_instance_type')
            if (!result.error || !/invalid instance type provided/i.test(result.error)) {
                throw new Error('Expected error to match "invalid instance type provided"')
            }
        })

        it('handles unexpected error in the catch block', async function () {
            // Mocking the model to simulate an error
            const originalCountByState = app.db.models.Project.countByState
            app.db.models.Project.countByState = async () => {
                throw new Error('Unexpected database error')
            }

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'hosted',
                    state: ['running']
                }
            })

            response.statusCode.should.equal(400)
            const result = response.json()
            result.should.have.property('code', 'unexpected_error')
            result.error.should.match(/Unexpected database error/)

            // Restore the original method
            app.db.models.Project.countByState = originalCountByState
        })

        it('should pass the applicationId to the device countByState method', async () => {
            const expectedArgs = {
                teamId: TestObjects.ATeam.id,
                states: ['running', 'stopped'],
                applicationId: 'app-id'
            }

            const stub = sinon.stub(app.db.models.Device, 'countByState').callsFake(async function (states, team, applicationId, membership) {
                team.id.should.equal(expectedArgs.teamId)
                applicationId.should.equal(expectedArgs.applicationId)
                states.should.deepEqual(expectedArgs.states)
            })

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'remote',
                    state: ['running', 'stopped'],
                    applicationId: 'app-id'
                }
            })
            response.statusCode.should.equal(200)

            stub.restore()
        })

        it('should pass the applicationId to the project countByState method', async () => {
            const expectedArgs = {
                teamId: TestObjects.ATeam.id,
                states: ['running', 'stopped'],
                applicationId: 'app-id'
            }

            const stub = sinon.stub(app.db.models.Project, 'countByState').callsFake(async function (states, team, applicationId, membership) {
                team.id.should.equal(expectedArgs.teamId)
                applicationId.should.equal(expectedArgs.applicationId)
                states.should.deepEqual(expectedArgs.states)
            })

            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ATeam.hashid}/instance-counts`,
                cookies: { sid: TestObjects.tokens.alice },
                query: {
                    instanceType: 'hosted',
                    state: ['running', 'stopped'],
                    applicationId: 'app-id'
                }
            })
            response.statusCode.should.equal(200)

            stub.restore()
        })
    })

    describe('Team Type Overrides', async function () {
        beforeEach(async () => {
            TestObjects.thirdTeamType = await app.db.models.TeamType.create({
                name: 'third team type',
                active: true,
                order: 3,
                description: '',
                properties: {
                    features: {
                        tables: false,
                        npm: false
                    }
                }
            })
            TestObjects.ETeam = await app.db.models.Team.create({ name: 'ETeam', TeamTypeId: TestObjects.thirdTeamType.id, suspended: true })
        })

        it('Team should have features from TeamType', async () => {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ETeam.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const team = response.json()
            team.should.have.property('type')
            team.type.should.have.property('properties')
            team.type.properties.should.have.property('features')
            team.type.properties.features.should.have.property('npm', false)
            team.type.properties.features.should.have.property('tables', false)
        })
        it('Team should have features from Overide', async () => {
            const response = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ETeam.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            response.statusCode.should.equal(200)
            const team = response.json()
            team.should.have.property('type')
            team.type.should.have.property('properties')
            team.type.properties.should.have.property('features')
            team.type.properties.features.should.have.property('npm', false)
            team.type.properties.features.should.have.property('tables', false)

            const update = await app.inject({
                method: 'PUT',
                url: `/api/v1/teams/${TestObjects.ETeam.hashid}`,
                cookies: { sid: TestObjects.tokens.alice },
                body: {
                    properties: {
                        features: {
                            npm: true,
                            tables: true
                        }
                    }
                }
            })
            update.statusCode.should.equal(200)

            const overResponse = await app.inject({
                method: 'GET',
                url: `/api/v1/teams/${TestObjects.ETeam.hashid}`,
                cookies: { sid: TestObjects.tokens.alice }
            })
            overResponse.statusCode.should.equal(200)
            const overTeam = overResponse.json()
            overTeam.should.have.property('type')
            overTeam.type.should.have.property('properties')
            overTeam.type.properties.should.have.property('features')
            overTeam.type.properties.features.should.have.property('npm', true)
            overTeam.type.properties.features.should.have.property('tables', true)
        })
    })
})
