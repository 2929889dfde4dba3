const fp = require('fastify-plugin')

const ACLManager = require('./aclManager')
const { BrowserSessionLifecycleHandler } = require('./browserSessionLifecycle')
const { CommsClient } = require('./commsClient')
const { DeviceCommsHandler } = require('./devices')
const { ExpertCommsHandler } = require('./expert')
const { InstanceCommsHandler } = require('./instances')
const { McpGatewayHandler } = require('./mcpGateway')
const { PlatformAutomationHandler } = require('./platformAutomation.js')

/**
 * This module represents the real-time comms component of the platform.
 * We depend on an external MQTT broker (mosquitto) and of the runtime configuration
 * to include the details needed to connect to it.
 *
 * This module handles
 *  - Incoming device status messages
 *  - Broker ACL requests
 *
 */
module.exports = fp(async function (app, _opts) {
    // Check the runtime configuration includes the minimum required configuration
    // to use the MQTT broker service
    if (app.config.broker && app.config.broker.url) {
        // Register the authentication routes the broker will be using
        await app.register(require('./authRoutes'), { prefix: '/api/comms/auth', logLevel: app.config.logging.http })
        await app.register(require('./v2AuthRoutes'), { prefix: '/api/comms/v2', logLevel: app.config.logging.http })

        // Ensure we have a BrokerClient object (auth details) for use by the platform
        await app.db.controllers.BrokerClient.ensurePlatformClient()

        // Create the platform's client for connecting to the broker
        const client = new CommsClient(app)

        // Create the handler for any device-related messages
        const deviceCommsHandler = DeviceCommsHandler(app, client)
        const instanceCommsHandler = InstanceCommsHandler(app, client)
        const platformAutomationHandler = PlatformAutomationHandler(app, client)
        const expertCommsHandler = new ExpertCommsHandler(app, client)
        const mcpGatewayHandler = McpGatewayHandler(app, client)
        // Owns the browser session topic and dispatches its events. Presence is one
        // consumer of that; anything else needing per-session teardown joins it there.
        BrowserSessionLifecycleHandler(app, client)

        // Not in the current release, but when we handle Launcher status
        // via MQTT, it will arrive here. Compare to the status/device handler in `devices.js`
        // client.on('status/project', (status) => {
        //     // console.info(status)
        // })

        // Setup the platform API for the comms component
        app.decorate('comms', {
            id: client.platformId,
            devices: deviceCommsHandler,
            instances: instanceCommsHandler,
            aclManager: ACLManager(app),
            platformAutomation: platformAutomationHandler,
            expert: expertCommsHandler,
            mcpGateway: mcpGatewayHandler,
            platform: {
                settings: {
                    sync: function (key) {
                        const msg = {
                            key,
                            srcId: client.platformId
                        }
                        client.publish('ff/v1/platform/sync', JSON.stringify(msg))
                    }
                },
                housekeeper: {
                    vote: function (vote) {
                        const msg = {
                            vote,
                            id: client.platformId
                        }
                        client.publish('ff/v1/platform/leader', JSON.stringify(msg))
                    }
                }
            },
            team: {
                notify: function (teamHash, reason, srcId) {
                    if (!teamHash) return
                    const msg = { reason: reason || null, srcId: srcId || null }
                    client.publish(`ff/v1/${teamHash}/t/updated`, JSON.stringify(msg))
                },
                notifyMembership: function (teamHash, userHash, reason, srcId) {
                    if (!teamHash || !userHash) return
                    const msg = { reason: reason || null, srcId: srcId || null }
                    client.publish(`ff/v1/${teamHash}/u/${userHash}/membership`, JSON.stringify(msg))
                },
                notifyDeviceState: function (teamHash, id, { state, onlineStatus } = {}) {
                    if (!teamHash || !id) return
                    const meta = { state }
                    if (onlineStatus) meta.onlineStatus = onlineStatus
                    client.publish(`ff/v1/${teamHash}/d/${id}/state`, JSON.stringify({ id, meta }))
                },
                notifyInstanceState: function (teamHash, id, { state, versions } = {}) {
                    if (!teamHash || !id) return
                    const meta = { state }
                    if (versions) meta.versions = versions
                    client.publish(`ff/v1/${teamHash}/p/${id}/state`, JSON.stringify({ id, meta }))
                },
                notifyEntityLifecycle: function (teamHash, type, id, action, data) {
                    if (!teamHash || !type || !id || !action) return
                    const msg = { id, action }
                    if (data !== undefined) msg.data = data
                    client.publish(`ff/v1/${teamHash}/${type}/${id}/${action}`, JSON.stringify(msg))
                }
            }
        })

        app.addHook('onReady', async () => {
            try {
                await client.init()
            } catch (err) {
                app.log.info('[comms] problem starting comms client:', err.toString())
            }
        })
        app.addHook('onClose', async (_) => {
            app.log.info('Comms shutdown')
            await deviceCommsHandler.stopLogWatcher()
            client.publish('ff/v1/platform/leader', JSON.stringify({ id: client.platformId, vote: -1 }))
            await client.disconnect()
        })
    } else {
        app.log.warn('[comms] Broker not configured - comms unavailable')
    }
}, {
    name: 'app.comms'
})
