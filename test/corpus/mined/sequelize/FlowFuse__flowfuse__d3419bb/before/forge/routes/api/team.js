const crypto = require('crypto')

const { Op } = require('sequelize')

const { Roles } = require('../../lib/roles')

const teamShared = require('./shared/team.js')
const TeamDevices = require('./teamDevices.js')
const TeamInvitations = require('./teamInvitations.js')
const TeamMembers = require('./teamMembers.js')

/**
 * Team api routes
 *
 * - /api/v1/teams
 *
 * - Any route that has a :teamId parameter will:
 *    - Ensure the session user is either admin or has a role on the team
 *    - request.team prepopulated with the team object
 *    - request.teamMembership prepopulated with the user role ({role: "member"})
 *      (unless they are admin)
 *
 */
module.exports = async function (app) {
    app.addHook('preHandler', teamShared.defaultPreHandler.bind(null, app))

    app.post('/check-slug', {
        preHandler: app.needsPermission('team:create'),
        schema: {
            summary: 'Check a team slug is available',
            tags: ['Teams'],
            body: {
                type: 'object',
                required: ['slug'],
                properties: {
                    slug: { type: 'string' }
                }
            },
            response: {
                200: {
                    description: 'Team slug is available',
                    $ref: 'APIStatus'
                },
                409: {
                    description: 'Team slug is not available',
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        const slug = request.body.slug.toLowerCase()
        const reservedNames = ['create']
        if (reservedNames.includes(slug)) {
            reply.code(409).send({ code: 'invalid_slug', error: 'Slug not available' })
            return
        }
        const existingCount = await app.db.models.Team.count({ where: { slug } })
        if (existingCount === 0) {
            reply.send({ status: 'okay' })
        } else {
            reply.code(409).send({ code: 'invalid_slug', error: 'Slug not available' })
        }
    })

    async function appendBillingDetails (result, team, request) {
        if (app.license.active() && app.billing) {
            result.billing = {}
            const subscription = await team.getSubscription()
            if (subscription) {
                result.billing.interval = subscription.interval
                result.billing.active = subscription.isActive()
                result.billing.unmanaged = subscription.isUnmanaged()
                result.billing.canceled = subscription.isCanceled()
                result.billing.pastDue = subscription.isPastDue()
                if (subscription.isTrial()) {
                    result.billing.trial = true
                    result.billing.trialEnded = subscription.isTrialEnded()
                    result.billing.trialEndsAt = subscription.trialEndsAt
                    result.billing.trialProjectAllowed = (await team.instanceCount(app.settings.get('user:team:trial-mode:projectType'))) === 0
                }
                if (request.session.User.admin) {
                    result.billing.customer = subscription.customer
                    result.billing.subscription = subscription.subscription
                }
            } else {
                result.billing.active = false
            }
        }
    }

    async function updateTeamFeatures (result, team) {
        const properties = team.properties
        if (properties.features) {
            const featureKeys = Object.keys(properties?.features)
            for (const k of featureKeys) {
                result.type.properties.features[k] = properties.features[k]
            }
        }
    }

    async function getTeamDetails (request, reply, team) {
        if (!request.session.User?.admin && request.teamMembership.role < Roles.Viewer) {
            // Return summary details for any role less than Viewer (eg dashboard)
            reply.send(app.db.views.Team.teamSummary(team))
            return
        }
        const result = app.db.views.Team.team(team)
        result.instanceCountByType = await team.instanceCountByType()

        await appendBillingDetails(result, team, request)
        // This modifies the team.type response to include any team feature overrides.
        // Ideally the `type` property would be the actual type properties, and the front-end use
        // the top-level team properties to identify overrides. But this is less disruptive for now.
        await updateTeamFeatures(result, team)

        reply.send(result)
    }

    app.register(TeamMembers, { prefix: '/:teamId/members' })
    app.register(TeamInvitations, { prefix: '/:teamId/invitations' })
    app.register(TeamDevices, { prefix: '/:teamId/devices' })

    /**
     * Get the details of a team
     * /api/v1/teams/:teamId
     */
    app.get('/:teamId', {
        preHandler: app.needsPermission('team:read'),
        schema: {
            summary: 'Get details of a team',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                // Dashboard roles get TeamSummary; everyone else gets Team.
                200: {
                    anyOf: [{ $ref: 'Team' }, { $ref: 'TeamSummary' }]
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        await getTeamDetails(request, reply, request.team)
    })

    /**
     * Get the details of a team via its slug
     *
     * /api/v1/teams/slug/:teamSlug
     */
    app.get('/slug/:teamSlug', {
        preHandler: app.needsPermission('team:read'),
        schema: {
            summary: 'Get details of a team using its slug',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamSlug: { type: 'string' }
                }
            },
            response: {
                200: {
                    anyOf: [{ $ref: 'Team' }, { $ref: 'TeamSummary' }]
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        await getTeamDetails(request, reply, request.team)
    })

    /**
     * Get a list of all teams (admin-only)
     */
    app.get('/', {
        preHandler: app.needsPermission('team:list'),
        schema: {
            summary: 'Get a list of all teams - admin-only',
            tags: ['Teams'],
            query: { $ref: 'PaginationParams' },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        meta: { $ref: 'PaginationMeta' },
                        count: { type: 'number' },
                        teams: { type: 'array', items: { $ref: 'Team' } }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        // Admin request for all teams
        const where = {}
        const filters = []
        if (request.query.teamType) {
            const teamTypes = request.query.teamType.split(',').map(app.db.models.TeamType.decodeHashid).flat()
            filters.push({ TeamTypeId: { [Op.in]: teamTypes } })
        }
        if (request.query.state === 'suspended') {
            filters.push({ suspended: true })
        } else if (app.billing && request.query.billing) {
            filters.push({ suspended: false })
            const billingStates = request.query.billing.split(',')
            filters.push({ '$Subscription.status$': { [Op.in]: billingStates } })
        }
        if (filters.length > 0) {
            where[Op.and] = filters
        }
        const paginationOptions = app.getPaginationOptions(request)
        const teams = await app.db.models.Team.getAll(paginationOptions, where)
        teams.teams = teams.teams.map(t => app.db.views.Team.team(t))
        reply.send(teams)
    })

    /**
     * Get a list of the teams applications
     * /api/v1/teams/:teamId/applications
     */
    app.get('/:teamId/applications', {
        preHandler: app.needsPermission('team:projects:list'), // TODO Using project level permissions
        schema: {
            summary: 'Get a list of the teams applications',
            tags: ['Teams'],
            query: {
                type: 'object',
                properties: {
                    associationsLimit: { type: 'number' },
                    includeInstances: { type: 'boolean' },
                    includeApplicationDevices: { type: 'boolean' },
                    excludeOwnerFiltering: { type: 'boolean' }
                }
            },
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        // meta: { $ref: 'PaginationMeta' },
                        count: { type: 'number' },
                        applications: { $ref: 'TeamApplicationList' }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        const includeInstances = Object.prototype.hasOwnProperty.call(request.query, 'includeInstances')
            ? request.query.includeInstances
            : true
        const includeApplicationDevices = Object.prototype.hasOwnProperty.call(request.query, 'includeApplicationDevices')
            ? request.query.includeApplicationDevices
            : true
        const associationsLimit = request.query.associationsLimit
        const includeApplicationSummary = !!associationsLimit || request.query.includeApplicationSummary

        let applications = await app.db.models.Application.byTeam(request.params.teamId, {
            includeInstances,
            includeApplicationDevices,
            associationsLimit,
            includeApplicationSummary
        })

        const shouldExcludeOwnerFiltering = Object.prototype.hasOwnProperty.call(request.query, 'excludeOwnerFiltering') &&
            app.hasPermission(request.teamMembership, 'project:create') // checking for the owner role not if the user can create a project

        // Apply Application level RBAC
        if (!request.session?.User?.admin && request.teamMembership && request.teamMembership.permissions?.applications && !shouldExcludeOwnerFiltering) {
            applications = applications.filter(application => {
                return app.hasPermission(request.teamMembership, 'project:read', { application })
            })
        }

        reply.send({
            count: applications.length,
            applications: await app.db.views.Application.teamApplicationList(applications, { includeInstances, includeApplicationDevices, includeApplicationSummary })
        })
    })

    /**
     * List team application associations (devices and instances) statuses
     * @name /api/v1/teams:teamId/applications/status
     * @memberof forge.routes.api.application
     */
    app.get('/:teamId/applications/status', {
        preHandler: app.needsPermission('team:projects:list'), // TODO Using project level permissions
        schema: {
            summary: 'Get a list of the teams applications statuses',
            tags: ['Teams'],
            query: {
                type: 'object',
                properties: {
                    associationsLimit: { type: 'number' }
                }
            },
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        // meta: { $ref: 'PaginationMeta' },
                        count: { type: 'number' },
                        applications: { $ref: 'ApplicationAssociationsStatusList' }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        const includeInstances = true
        const includeApplicationDevices = true
        const associationsLimit = request.query.associationsLimit

        let applications = await app.db.models.Application.byTeam(request.params.teamId, { includeInstances, includeApplicationDevices, includeInstanceStorageFlow: true, associationsLimit })
        if (!applications) {
            return reply.code(404).send({ code: 'not_found', error: 'Not Found' })
        }

        if (!request.session?.User?.admin && request.teamMembership && request.teamMembership.permissions?.applications) {
            applications = applications.filter(application => {
                return app.hasPermission(request.teamMembership, 'project:read', { application })
            })
        }
        const applicationsWithAssociationsStatuses = await app.db.views.Application.applicationAssociationsStatusList(applications)
        reply.send({
            count: applicationsWithAssociationsStatuses.length,
            applications: applicationsWithAssociationsStatuses
        })
    })

    /**
     * @deprecated Use /:teamId/applications, or /:applicationId/instances
     * This end-point is still used by:
     *  - the project nodes and nr-tools plugin.
     *  - the Team Instances view
     *  - team/Devices/dialogs/CreateProvisionTokenDialog.vue
     *  - team/Settings/Devices.vue
     *  - team/Home/components/RecentlyModifiedInstances.vue
     */
    app.get('/:teamId/projects', {
        preHandler: app.needsPermission('team:projects:list'),
        schema: {
            query: {
                allOf: [
                    { $ref: 'PaginationParams' },
                    {
                        type: 'object',
                        properties: {
                            sort: {
                                type: 'string',
                                enum: ['name', 'createdAt', 'updatedAt', 'application.name', 'flowLastUpdatedAt']
                            },
                            includeMeta: { type: 'boolean', default: false },
                            orderByMostRecentFlows: { type: 'boolean', default: false },
                            state: { type: 'array', items: { type: 'string' }, default: [] }
                        }
                    }
                ]
            }
        }
    }, async (request, reply) => {
        const includeMeta = request.query.includeMeta
        const pagination = app.db.controllers.Project.getProjectPaginationOptions(request)

        const options = {
            includeSettings: true,
            pagination,
            query: request.query.query?.trim() || null,
            includeMeta,
            orderByMostRecentFlows: request.query.orderByMostRecentFlows,
            states: request.query.state?.length ? request.query.state : null
        }

        const applicationRBACEnabled = app.config.features.enabled('rbacApplication') && request.team?.getFeatureProperty('rbacApplication', false)
        if (applicationRBACEnabled && !request.session?.User?.admin && request.teamMembership && request.teamMembership.permissions?.applications) {
            const excludeApplications = []
            Object.keys(request.teamMembership.permissions.applications).forEach(appId => {
                if (!app.hasPermission(request.teamMembership, 'project:read', { applicationId: appId })) {
                    excludeApplications.push(app.db.models.Application.decodeHashid(appId))
                }
            })
            if (excludeApplications.length) {
                options.excludeApplications = excludeApplications
            }
        }

        const queryResult = await app.db.models.Project.byTeam(request.params.teamId, options)
        const paginated = pagination.page != null
        const projects = paginated ? queryResult.rows : queryResult
        const total = paginated ? queryResult.total : null

        if (projects) {
            let result = await app.db.views.Project.instancesList(projects, {
                includeSettings: true,
                includeMeta
            })
            if (request.session.ownerType === 'project') {
                // This request is from a project token. Filter the list to return
                // the minimal information needed
                result = result.map(e => {
                    return { id: e.id, name: e.name }
                })
            }
            const response = {
                count: paginated ? total : result.length,
                projects: result
            }
            if (paginated) {
                response.meta = {
                    page: pagination.page,
                    pageSize: pagination.limit,
                    total,
                    pageCount: Math.max(1, Math.ceil(total / pagination.limit))
                }
            }
            reply.send(response)
        } else {
            reply.code(404).send({ code: 'not_found', error: 'Not Found' })
        }
    })

    /**
     * Get team instances that have dashboards installed
     * /api/v1/teams/:teamId/dashboard-instances
     */
    app.get('/:teamId/dashboard-instances', {
        preHandler: app.needsPermission('team:read')
    }, async (request, reply) => {
        const projects = await app.db.models.Project.byTeamForDashboard(request.params.teamId)
        if (projects && projects.length > 0) {
            // filters out projects/instances without dashboards
            const filtered = projects.filter(project => {
                return project.ProjectSettings.filter(settingEntry => {
                    const isSettingsEntry = settingEntry.key === 'settings'
                    let hasDashboardInstalled = false
                    if (
                        isSettingsEntry &&
                        Object.prototype.hasOwnProperty.call(settingEntry.value, 'palette') &&
                        Object.prototype.hasOwnProperty.call(settingEntry.value.palette, 'modules')
                    ) {
                        hasDashboardInstalled = !!settingEntry.value.palette.modules.find(module => module.name === '@flowfuse/node-red-dashboard')
                    }

                    let permissionCheck = true
                    const platformRbacEnabled = app.config.features.enabled('rbacApplication')
                    const teamRbacEnabled = request.team.getFeatureProperty('rbacApplication', false)

                    if (platformRbacEnabled && teamRbacEnabled) {
                        permissionCheck = app.hasPermission(
                            request.teamMembership,
                            'team:projects:list-dashboards',
                            { applicationId: app.db.models.Application.encodeHashid(project.ApplicationId) }
                        )
                    }

                    return isSettingsEntry && hasDashboardInstalled && permissionCheck
                }).length > 0
            })

            if (filtered.length === 0) {
                return reply.send({
                    count: 0,
                    projects: []
                })
            }

            // map additional data
            await Promise.all(filtered.map(async project => {
                const projectStatePromise = project.liveState()
                const projectState = await projectStatePromise
                project.state = projectState.meta.state
                project.flowLastUpdatedAt = projectState.flowLastUpdatedAt
                project.settings = {
                    dashboard2UI: '/dashboard' // hardcoding the dashboard endpoint for the time being
                }
            }))

            const result = await app.db.views.Project.dashboardInstancesSummaryList(filtered)
            return reply.send({
                count: result.length,
                projects: result
            })
        } else {
            return reply.code(404).send({ code: 'not_found', error: 'Not Found' })
        }
    })

    async function createTeamApplication (user, team) {
        const applicationName = `${user.name}'s Application`
        const application = await app.db.models.Application.create({
            name: applicationName.charAt(0).toUpperCase() + applicationName.slice(1),
            TeamId: team.id
        })
        await app.auditLog.Team.application.created(user, null, team, application)
        await app.auditLog.Application.application.created(user, null, application)
        return application
    }

    /**
     * Create a new team
     * /api/v1/teams
     */
    app.post('/', {
        preHandler: app.needsPermission('team:create'),
        schema: {
            summary: 'Create a new team',
            tags: ['Teams'],
            body: {
                type: 'object',
                required: ['name', 'type'],
                properties: {
                    name: { type: 'string' },
                    type: { type: 'string' },
                    slug: { type: 'string' },
                    trial: { type: 'boolean' },
                    billingInterval: { type: 'string', enum: ['month', 'year'] }
                }
            },
            response: {
                200: {
                    $ref: 'Team'
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        if (!request.session.User.admin && !app.settings.get('team:create')) {
            // Ideally this would be handled by `needsPermission`
            // preHandler. To do so will require the perms model to know
            // to also check enabled features (and know that admin is allowed to
            // override in this instance)
            reply.code(403).send({ code: 'unauthorized', error: 'unauthorized' })
        }

        // TODO check license allows multiple teams

        if (request.body.slug === 'create') {
            reply.code(400).send({ code: 'invalid_slug', error: 'slug not available' })
            return
        }

        const teamType = await app.db.models.TeamType.byId(request.body.type)
        if (!teamType || !teamType.active) {
            reply.code(400).send({ code: 'invalid_team_type', error: 'unknown team type' })
            return
        }

        let trialMode = false
        if (app.license.active() && app.billing && request.body.trial) {
            // Check this user is allowed to create a trial team of this type.
            // Rules:
            // 1. teamType must have trial mode enabled
            const teamTrialActive = await teamType.getProperty('trial.active', false)
            if (!teamTrialActive) {
                reply.code(400).send({ code: 'invalid_request', error: 'trial mode not available' })
                return
            }
            // 2. user must have no existing teams
            const existingTeamCount = await app.db.models.Team.countForUser(request.session.User)
            if (existingTeamCount > 0) {
                reply.code(400).send({ code: 'invalid_request', error: 'trial mode not available' })
                return
            }
            // 3. user must be < 1 week old
            const delta = Date.now() - request.session.User.createdAt.getTime()
            if (delta > 1000 * 60 * 60 * 24 * 7) {
                reply.code(400).send({ code: 'invalid_request', error: 'trial mode not available' })
                return
            }
            trialMode = true
        } else if (request.body.trial) {
            reply.code(400).send({ code: 'invalid_request', error: 'trial mode not available' })
            return
        }

        let team

        try {
            team = await app.db.controllers.Team.createTeamForUser({
                name: request.body.name,
                slug: request.body.slug,
                TeamTypeId: teamType.id
            }, request.session.User)
            await app.auditLog.Platform.platform.team.created(request.session.User, null, team)
            await app.auditLog.Team.team.created(request.session.User, null, team)
            await app.auditLog.Team.team.user.added(request.session.User, null, team, request.session.User)

            const teamView = app.db.views.Team.team(team)

            let defaultTeamCreated = false
            if (app.license.active() && app.billing) {
                if (trialMode) {
                    await app.billing.setupTrialTeamSubscription(team, request.session.User)
                    // In trial mode, we may also auto-create their first application and instance
                    if (app.settings.get('user:team:auto-create:instanceType')) {
                        const instanceTypeId = app.settings.get('user:team:auto-create:instanceType')
                        const instanceType = await app.db.models.ProjectType.byId(instanceTypeId)
                        const instanceStack = await instanceType?.getDefaultStack() || (await instanceType.getProjectStacks())?.[0]
                        const instanceTemplate = await app.db.models.ProjectTemplate.findOne({ where: { active: true } })
                        if (!instanceType) {
                            app.log.warn(`Unable to create Trial Instance in team ${team.hashid}: Instance type with id ${instanceTypeId} from 'user:team:auto-create:instanceType' not found`)
                        } else if (!instanceStack) {
                            app.log.warn(`Unable to create Trial Instance in team ${team.hashid}: Unable to find a stack for use with instance type ${instanceTypeId}`)
                        } else if (!instanceTemplate) {
                            app.log.warn(`Unable to create Trial Instance in team ${team.hashid}: Unable to find the default instance template`)
                        } else {
                            const safeTeamName = team.name.toLowerCase().replace(/[\W_]/g, '-')
                            const safeUserName = request.session.User.username.toLowerCase().replace(/[\W_]/g, '-')
                            const application = await createTeamApplication(request.session.User, team)
                            defaultTeamCreated = true
                            const instanceProperties = {
                                name: `${safeTeamName}-${safeUserName}-${crypto.randomBytes(4).toString('hex')}`
                            }
                            await app.db.controllers.Project.create(team, application, request.session.User, instanceType, instanceStack, instanceTemplate, instanceProperties)
                        }
                    }
                } else {
                    const teamBillingDisabled = await teamType.getProperty('billing.disabled', false)
                    if (!teamBillingDisabled) {
                        const session = await app.billing.createSubscriptionSession(team, request.session.User, null, { interval: request.body.billingInterval })
                        app.auditLog.Team.billing.session.created(request.session.User, null, team, session)
                        teamView.billingURL = session.url
                    }
                }
            }
            // Haven't created an application yet, but settings say we should
            if (!defaultTeamCreated && app.settings.get('user:team:auto-create:application')) {
                await createTeamApplication(request.session.User, team)
            }
            await appendBillingDetails(teamView, team, request)
            reply.send(teamView)
        } catch (err) {
            // prepare response
            const resp = { code: 'unexpected_error', error: err.toString() }
            // update resp.error is the error has an errors array
            if (err.errors) {
                resp.error = err.errors.map(err => err.message).join(',')
            }
            // audit log to platform & team
            await app.auditLog.Platform.platform.team.created(request.session.User, resp, team)
            await app.auditLog.Team.team.created(request.session.User, resp, team)
            // destroy team if it was created
            if (team !== undefined) {
                // safe to destroy because it will have only 1 owner and no projects
                await team.destroy()
                await app.auditLog.Platform.platform.team.deleted(0, null, team)
            }
            reply.code(400).send(resp)
        }
    })

    /**
     * Delete a team
     * /api/v1/teams/:teamId
     */
    app.delete('/:teamId', {
        preHandler: app.needsPermission('team:delete'),
        schema: {
            summary: 'Delete a team',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    $ref: 'APIStatus'
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        // At this point we know the requesting user has permission to do this.
        // But we also need to ensure the team has no projects
        // That is handled by the beforeDestroy hook on the Team model and the
        // call to destroy the team will throw an error
        try {
            const instanceCount = await request.team.instanceCount()
            if (instanceCount > 0) {
                // need to delete Instances
                const instances = await app.db.models.Project.byTeam(request.team.hashid)
                for (const instance of instances) {
                    try {
                        await app.containers.remove(instance)
                    } catch (err) {
                        if (err?.statusCode !== 404) {
                            throw err
                        }
                    }

                    await instance.destroy()
                    await app.auditLog.Team.project.deleted(request.session.User, null, request.team, instance)
                    await app.auditLog.Project.project.deleted(request.session.User, null, request.team, instance)
                }
            }

            // Delete Applications
            const applications = await app.db.models.Application.byTeam(request.team.hashid)
            for (const application of applications) {
                await application.destroy()
                await app.auditLog.Team.application.deleted(request.session.User, null, request.team, application)
            }

            // Delete Devices
            const where = {
                TeamId: request.team.id
            }
            const devices = await app.db.models.Device.getAll({}, where, { includeInstanceApplication: true })
            for (const device of devices.devices) {
                await device.destroy()
                await app.auditLog.Team.team.device.deleted(request.session.User, null, request.team, device)
            }

            await request.team.destroy()
            await app.auditLog.Platform.platform.team.deleted(request.session.User, null, request.team)
            await app.auditLog.Team.team.deleted(request.session.User, null, request.team)
            reply.send({ status: 'okay' })
        } catch (err) {
            const resp = { code: 'unexpected_error', error: err.toString() }
            await app.auditLog.Platform.platform.team.deleted(request.session.User, resp, request.team)
            await app.auditLog.Team.team.deleted(request.session.User, resp, request.team)
            reply.code(400).send(resp)
        }
    })

    /**
     * Update a team
     * /api/v1/teams/:teamId
     */
    app.put('/:teamId', {
        preHandler: app.needsPermission('team:edit'),
        schema: {
            summary: 'Update a team',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            body: {
                type: 'object',
                properties: {
                    name: { type: 'string' },
                    slug: { type: 'string' },
                    type: { type: 'string' },
                    suspended: { type: 'boolean' },
                    properties: { type: 'object' },
                    features: { type: 'object' }
                }
            },
            response: {
                200: {
                    $ref: 'Team'
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        let updates
        let auditLogFunc = app.auditLog.Team.team.settings.updated
        try {
            if (request.body.type) {
                auditLogFunc = app.auditLog.Team.team.type.changed
                let billingIntervalUpgrade = false
                const bodyOptions = { ...request.body }
                const targetTypeId = bodyOptions.type
                delete bodyOptions.type
                const billingInterval = bodyOptions.billing?.interval || null
                delete bodyOptions.billing

                if (Object.keys(bodyOptions).length > 0) {
                    reply.code(400).send({ code: 'invalid_request', error: 'Cannot modify other properties whilst changing type' })
                    return
                }

                if (app.billing) {
                    // allow team updates if upgrading to yearly billing
                    const subscription = await request.team.getSubscription()

                    const currentlyOnMonthlySubscription = subscription.interval === 'month'
                    const upgradingToYearlySubscription = billingInterval === 'year'
                    const sameTeamType = targetTypeId === request.team.TeamType.hashid

                    billingIntervalUpgrade = sameTeamType && upgradingToYearlySubscription && currentlyOnMonthlySubscription
                }

                if (targetTypeId !== request.team.TeamType.hashid || billingIntervalUpgrade) {
                    const targetTeamType = await app.db.models.TeamType.byId(targetTypeId)
                    if (!targetTeamType) {
                        reply.code(400).send({ code: 'invalid_team_type', error: 'Invalid team type' })
                        return
                    }
                    updates = {
                        old: { id: request.team.TeamType.hashid, name: request.team.TeamType.name },
                        new: { id: targetTeamType.hashid, name: targetTeamType.name }
                    }
                    // Two stage process to update team type
                    // - first we check its allowed.
                    await request.team.checkTeamTypeUpdateAllowed(targetTeamType)
                    // - then we apply it
                    await request.team.updateTeamType(targetTeamType, { interval: billingInterval })
                } else {
                    reply.send(app.db.views.Team.team(request.team))
                    return
                }
            } else if (Object.hasOwn(request.body, 'suspended')) {
                if (Object.keys(request.body).length > 1) {
                    reply.code(400).send({ code: 'invalid_request', error: 'Cannot modify other properties whilst changing suspended state' })
                    return
                }
                if (!!request.body.suspended !== !!request.team.suspended) {
                    let teamAuditFunc = app.auditLog.Team.team.suspended
                    let platformAuditFunc = app.auditLog.Platform.platform.team.suspended
                    try {
                        if (request.body.suspended) {
                            // Suspend the team
                            await request.team.suspend()
                        } else {
                            teamAuditFunc = app.auditLog.Team.team.unsuspended
                            platformAuditFunc = app.auditLog.Platform.platform.team.unsuspended
                            // Reactivate the team
                            await request.team.unsuspend()
                        }
                        teamAuditFunc(request.session.User, null, request.team)
                        platformAuditFunc(request.session.User, null, request.team)
                        app.comms?.team?.notify(request.team.hashid, request.body.suspended ? 'suspended' : 'unsuspended')
                        reply.send(app.db.views.Team.team(request.team))
                        return
                    } catch (err) {
                        teamAuditFunc(request.session.User, err, request.team)
                        platformAuditFunc(request.session.User, err, request.team)
                        const response = {
                            code: err.code || 'unexpected_error',
                            error: err.toString()
                        }
                        reply.code(400).send(response)
                        return
                    }
                } else {
                    // Already in the right state - no-op it
                    reply.send(app.db.views.Team.team(request.team))
                    return
                }
            } else if (Object.hasOwn(request.body, 'features')) {
                // Team owners can update feature overrides (e.g. opt out of AI)
                const allowedFeatures = ['ai']
                const requestedFeatures = request.body.features || {}
                const currentProperties = typeof request.team.properties === 'string' ? JSON.parse(request.team.properties) : (request.team.properties || {})
                currentProperties.features = currentProperties.features || {}

                updates = new app.auditLog.formatters.UpdatesCollection()
                for (const key of allowedFeatures) {
                    if (Object.hasOwn(requestedFeatures, key)) {
                        updates.push(`features.${key}`, currentProperties.features[key], requestedFeatures[key])
                        currentProperties.features[key] = requestedFeatures[key]
                    }
                }
                request.team.properties = currentProperties
                await request.team.save()
            } else if (Object.hasOwn(request.body, 'properties')) {
                if (!request.session.User.admin) {
                    reply.code(403).send({ code: 'forbidden', error: 'Team properties can only be updated by admins' })
                    return
                }
                updates = new app.auditLog.formatters.UpdatesCollection()
                try {
                    const oldProps = {}
                    const newProps = {}
                    oldProps.properties = typeof request.team.properties === 'string' ? JSON.parse(request.team.properties) : request.team.properties
                    newProps.properties = typeof request.body.properties === 'string' ? JSON.parse(request.body.properties) : request.body.properties
                    updates.pushDifferences(oldProps, newProps)
                } catch (_error) {
                // Ignore
                }
                request.team.properties = request.body.properties || {}
                await request.team.save()
            } else {
                updates = new app.auditLog.formatters.UpdatesCollection()
                if (request.body.name) {
                    updates.push('name', request.team.name, request.body.name)
                    request.team.name = request.body.name
                }
                if (request.body.slug) {
                    if (request.body.slug === 'create') {
                        reply.code(400).send({ code: 'invalid_slug', error: 'slug not available' })
                        return
                    }
                    updates.push('slug', request.team.slug, request.body.slug)
                    request.team.slug = request.body.slug
                }
                await request.team.save()
            }
            // Only log if something changes
            if (updates.length > 0) {
                auditLogFunc(request.session.User, null, request.team, updates)
                app.comms?.team?.notify(request.team.hashid, 'updated')
            }
            reply.send(app.db.views.Team.team(request.team))
        } catch (err) {
            auditLogFunc(request.session.User, err, request.team, updates)
            const response = {
                code: err.code || 'unexpected_error',
                error: err.toString()
            }
            if (/SequelizeUniqueConstraintError/.test(response.error)) {
                if (err.errors) {
                    // This is an error from sequelize - reformat the message to be more helpful
                    response.error = err.errors.map(e => e.message).join(', ')
                }
            } else if (err.errors) {
                response.errors = err.errors
            }
            reply.code(400).send(response)
        }
    })

    /**
     * Issue MQTT/WS credentials for the team-level browser channel.
     * @name /api/v1/teams/:teamId/comms-credentials
     */
    app.post('/:teamId/comms-credentials', {
        preHandler: [app.blockPAT, app.needsPermission('team:read')],
        schema: {
            summary: 'Issue team-channel broker credentials for the current user/session',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            body: {
                type: 'object',
                properties: {
                    sessionId: { type: 'string' }
                }
            },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        url: { type: 'string' },
                        username: { type: 'string' },
                        password: { type: 'string' }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        if (!app.comms) {
            reply.code(503).send({ code: 'comms_unavailable', error: 'Broker not configured' })
            return
        }
        const sessionId = request.body?.sessionId
        if (!sessionId || typeof sessionId !== 'string' || sessionId.length < 8) {
            reply.code(400).send({ code: 'invalid_request', error: 'sessionId is required' })
            return
        }
        const creds = await app.db.controllers.BrokerClient.createClientForTeamFrontend(
            request.session.User,
            request.team,
            sessionId
        )
        if (!creds) {
            reply.code(503).send({ code: 'comms_unavailable', error: 'Broker not configured' })
            return
        }
        reply.send(creds)
    })

    /**
     * Get the session users team membership
     * @name /api/v1/team/:teamId/user
     * @static
     * @memberof forge.routes.api.team
     */
    app.get('/:teamId/user', {
        schema: {
            summary: 'Get the current users team membership',
            tags: ['Teams'],
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        role: { type: 'number' },
                        permissions: { $ref: 'TeamMemberPermissions' }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        if (request.teamMembership) {
            reply.send({
                role: request.teamMembership.role,
                permissions: request.teamMembership.permissions
            })
            return
        } else if (request.session.User?.admin) {
            reply.send({
                role: Roles.Admin,
                permissions: {}
            })
            return
        }
        reply.code(404).send({ code: 'not_found', error: 'Not Found' })
    })

    /**
     * Get the team audit log
     * @name /api/v1/team/:teamId/audit-log
     * @memberof forge.routes.api.project
     */
    app.get('/:teamId/audit-log', {
        preHandler: app.needsPermission('team:audit-log'),
        schema: {
            summary: 'Get team audit event entries',
            tags: ['Teams'],
            query: {
                allOf: [
                    { $ref: 'PaginationParams' },
                    { $ref: 'AuditLogQueryParams' }
                ]
            },
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    type: 'object',
                    properties: {
                        meta: { $ref: 'PaginationMeta' },
                        count: { type: 'number' },
                        log: { $ref: 'AuditLogEntryList' },
                        associations: {
                            type: 'object',
                            properties: {
                                applications: {
                                    type: 'array',
                                    items: { $ref: 'ApplicationSummary' }
                                },
                                instances: { $ref: 'InstanceSummaryList' },
                                devices: { $ref: 'DeviceSummaryList' }
                            }
                        }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        const paginationOptions = app.getPaginationOptions(request)
        const logEntries = await app.db.models.AuditLog.forTeam(request.team.id, paginationOptions)
        const result = app.db.views.AuditLog.auditLog(logEntries)
        reply.send(result)
    })

    /**
     * Get the team audit log
     * @name /api/v1/team/:teamId/audit-log/export
     * @memberof forge.routes.api.project
     */
    app.get('/:teamId/audit-log/export', {
        preHandler: app.needsPermission('team:audit-log'),
        schema: {
            summary: 'Get team audit event entries',
            tags: ['Teams'],
            query: {
                allOf: [
                    { $ref: 'PaginationParams' },
                    { $ref: 'AuditLogQueryParams' }
                ]
            },
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            response: {
                200: {
                    content: {
                        'text/csv': {
                            schema: {
                                type: 'string'
                            }
                        }
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        const paginationOptions = app.getPaginationOptions(request)
        const logEntries = await app.db.models.AuditLog.forTeam(request.team.id, paginationOptions)
        const result = app.db.views.AuditLog.auditLog(logEntries)
        reply.type('text/csv').send([
            ['id', 'event', 'body', 'scope', 'trigger', 'createdAt'],
            ...result.log.map(row => [
                row.id,
                row.event,
                `"${row.body ? JSON.stringify(row.body).replace(/"/g, '""') : ''}"`,
                `"${JSON.stringify(row.scope).replace(/"/g, '""')}"`,
                `"${JSON.stringify(row.trigger).replace(/"/g, '""')}"`,
                row.createdAt?.toISOString()
            ])
        ]
            .map(row => row.join(','))
            .join('\r\n'))
    })

    /**
     * Get the team instance counts
     * @name /api/v1/teams/:teamId/instance-counts
     * @memberof forge.routes.api.team
     */
    app.get('/:teamId/instance-counts', {
        preHandler: [
            app.needsPermission('team:read'),
            async (request, reply) => {
                const validInstanceTypes = ['remote', 'hosted']
                const validStates = ['starting', 'stopping', 'restarting', 'suspending', 'rollback', 'importing',
                    'error', 'crashed', 'stopped', 'suspended', 'warning', 'connected', 'info', 'success', 'pushing', 'pulling',
                    'loading', 'installing', 'safe', 'protected', 'running', ''] // empty state is required for the remote instances not-running query

                if (!validInstanceTypes.includes(request.query.instanceType)) {
                    return reply.code(400).send({
                        code: 'invalid_instance_type',
                        error: 'Invalid instance type provided'
                    })
                }

                if (Array.isArray(request.query.state)) {
                    for (const state of request.query.state) {
                        if (!validStates.includes(state)) {
                            return reply.code(400).send({
                                code: 'invalid_state',
                                error: `Invalid state value: ${state}`
                            })
                        }
                    }
                }
            }
        ],
        schema: {
            summary: 'Get team remote/hosted instance counts counts',
            params: {
                type: 'object',
                properties: {
                    teamId: { type: 'string' }
                }
            },
            query: {
                type: 'object',
                properties: {
                    instanceType: { type: 'string' },
                    state: {
                        type: 'array',
                        items: { type: 'string' },
                        default: []
                    },
                    applicationId: {
                        type: 'string'
                    }
                }
            },
            response: {
                200: {
                    type: 'object',
                    patternProperties: {
                        '^.*$': { type: 'number' } // accepts any property name (string) where the value is a number.
                    }
                },
                '4xx': {
                    $ref: 'APIError'
                }
            }
        }
    }, async (request, reply) => {
        try {
            const model = request.query.instanceType === 'hosted'
                ? app.db.models.Project
                : app.db.models.Device
            const membership = request.teamMembership
            const stateCounters = await model.countByState(
                request.query.state,
                request.team,
                request.query.applicationId,
                membership,
                request.session.User?.admin
            ) ?? []
            const response = {}

            stateCounters.forEach(res => {
                // remote instances that have not been connected yet have an empty state
                response[res.state.length ? res.state : 'unknown'] = res.count
            })

            reply.send(response)
        } catch (err) {
            // Handle any errors that occur
            const response = {
                code: err.code || 'unexpected_error',
                error: err.toString()
            }
            reply.code(400).send(response)
        }
    })
}
