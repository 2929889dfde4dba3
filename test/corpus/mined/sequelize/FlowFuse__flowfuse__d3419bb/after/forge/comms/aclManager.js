/**
 * This module provides functions to verify whether a broker ACL request
 * is valid or not.
 *
 * It includes the core (CE) ACLs for basic launcher/device command/status messages.
 *
 * Other components (ie EE-specific features) can register their own additional ACLs
 */
module.exports = function (app) {
    const expertRbacToolCheck = async (teamMembership, toolName, application) => {
        const applicationCheck = typeof application !== 'undefined'
        const applicationHash = typeof application === 'object' ? application.hashid : application
        if (toolName === 'expert:status-message') {
            return true
        }
        // TODO: Understand all automations and which permissions they should require.
        // For now, basic starter automations are added here, any not matching this list will require project:flows:edit permission
        const toolAccessPermission = {
            'automation:select-nodes': 'project:flows:view',
            'automation:get-nodes': 'project:flows:view',
            'automation:get-flows': 'project:flows:view'
        }
        const requiredPermission = toolAccessPermission[toolName] || 'project:flows:edit' // default to highest level of access if tool isn't in the list, to be safe

        if (applicationCheck) {
            if (!app.hasPermission(teamMembership, requiredPermission, { applicationId: applicationHash })) {
                return false
            }
        } else {
            if (!app.hasPermission(teamMembership, requiredPermission)) {
                return false
            }
        }
        return true
    }

    // Standard set of verify functions to ensure the request meets particular criteria
    const verifyFunctions = {
        checkTeamAndObjectIds: async function (requestParts, ids) {
            // requestParts = [ _ , <teamid>, <projectid> ]
            // ids = [ 'project', <teamid>, <projectid> ]
            return requestParts[1] === ids[1] && requestParts[2] === ids[2]
        },
        checkTeamId: async function (requestParts, ids) {
            // requestParts = [ _ , <teamid> ]
            // ids = [ 'project', <teamid>, <projectid> ]
            return requestParts[1] === ids[1]
        },
        checkDeviceIsAssigned: async function (requestParts, ids, acl) {
            // requestParts = [ _ , <teamid>, <projectid> ] or [ _ , <teamid>, <deviceid> ]
            // ids = [ 'device', <teamid>, <deviceid> ]

            // Do the simple team id check
            if (requestParts[1] !== ids[1]) {
                return false // not in this team
            }

            if (acl.deviceOwnerType === 'application') {
                if (requestParts[2] !== ids[2]) {
                    return false // not owned by this application
                }
            }

            // check to see if the device is assigned to something?
            const assignedTo = await app.db.models.Device.getOwnerTypeAndId(ids[2])
            if (assignedTo && assignedTo.ownerType && assignedTo.ownerId) {
                return true
            }
            return false
        },
        checkDeviceAssignedToProject: async function (requestParts, ids) {
            // requestParts = [ _ , <teamid>, <projectid> ]
            // ids = [ 'device', <teamid>, <deviceid> ]

            // Do the simple team id check
            if (requestParts[1] !== ids[1]) {
                return false
            }
            // Get the project this device is assigned to and check it matches
            const assignedProject = await app.db.models.Device.getDeviceProjectId(ids[2])
            return assignedProject && assignedProject === requestParts[2]
        },
        checkDeviceAssignedToApplication: async function (requestParts, ids) {
            // requestParts = [ _ , <teamid>, <deviceid> ]
            // ids = [ 'device', <teamid>, <applicationid> ]

            // Do the simple team id check
            if (requestParts[1] !== ids[1]) {
                return false
            }
            // Get the application this device is assigned to and check it matches
            const assignedApplication = await app.db.models.Device.getDeviceApplicationId(ids[2])
            return assignedApplication && assignedApplication === requestParts[2]
        },
        checkDeviceCanAccessProject: async function (requestParts, ids) {
            // requestParts = [ _ , <teamid>, <projectid> ]
            // ids = [ 'device', <teamid>, <deviceid> ]

            // Do the simple team id check
            if (requestParts[1] !== ids[1]) {
                return false
            }
            // check to see if the device is assigned to something?
            const assignedTo = await app.db.models.Device.getOwnerTypeAndId(ids[2])
            if (!assignedTo?.ownerType || !assignedTo?.ownerId) {
                return false
            }
            // If the device is assigned to a project and that matches the request project - all good
            if (assignedTo.ownerType === 'instance') {
                if (assignedTo.ownerId === requestParts[2]) {
                    // Access the project we're assigned to - all good
                    return true
                }
            }

            try {
                // Need to check if this project is in the same team.
                const projectTeamId = await app.db.models.Project.getProjectTeamId(requestParts[2])
                return projectTeamId && app.db.models.Team.encodeHashid(projectTeamId) === requestParts[1]
            } catch (err) {
                // Any error likely means requestParts[2] isn't a valid uuid - which
                // postgres with throw over, unlike sqlite that returns no results.
                return false
            }
        },
        checkUserIsTeamMember: async function (requestParts, usernameParts) {
            // requestParts = [ fullTopic , <teamHash> [, <userHash> [, <sessionId>]] ]
            // usernameParts = [ 'fe-team', <userHash>, <teamHash>, <sessionId> ]
            const topicTeamHash = requestParts[1]
            const usernameUserHash = usernameParts[1]
            const usernameTeamHash = usernameParts[2]
            if (topicTeamHash !== usernameTeamHash) {
                return false
            }
            // membership topic: user capture must match the credential's user
            if (requestParts[2] !== undefined && requestParts[2] !== usernameUserHash) {
                return false
            }
            // session topic: session capture must match the credential's session, so one
            // tab cannot publish on behalf of another tab belonging to the same user
            if (requestParts[3] !== undefined && requestParts[3] !== usernameParts[3]) {
                return false
            }
            try {
                const team = await app.db.models.Team.byId(usernameTeamHash)
                if (!team) return false
                const user = await app.db.models.User.byId(usernameUserHash)
                if (!user) return false
                const membership = await app.db.models.TeamMember.getTeamMembership(user.id, team.id, false)
                return !!membership
            } catch (error) {
                app.log.error('Unexpected error during team-channel ACL check', { requestParts, usernameParts, error })
                return false
            }
        },
        checkTeamStateSub: async function (requestParts, usernameParts) {
            // requestParts = [ fullTopic , <teamHash> , <entityId|'+'> ]
            // usernameParts = [ 'fe-team', <userHash>, <teamHash>, <sessionId> ]
            // team-wide status wildcard: gate on team membership only. requestParts[2]
            // is the instance/device id (or '+'), never the user — don't validate it.
            const topicTeamHash = requestParts[1]
            const usernameUserHash = usernameParts[1]
            const usernameTeamHash = usernameParts[2]
            if (topicTeamHash !== usernameTeamHash) {
                return false
            }
            try {
                const team = await app.db.models.Team.byId(usernameTeamHash)
                if (!team) return false
                const user = await app.db.models.User.byId(usernameUserHash)
                if (!user) return false
                const membership = await app.db.models.TeamMember.getTeamMembership(user.id, team.id, false)
                return !!membership
            } catch (error) {
                app.log.error('Unexpected error during team-channel status ACL check', { requestParts, usernameParts, error })
                return false
            }
        },
        checkExpertPlatformTopic: async function (topicParts, usernameParts, acl) {
            // topicParts = [ fullTopic , <userid>, <sessionid>, <command> ]
            // usernameParts = [ 'forge_platform' | 'expert-agent', <userid> [, <sessionid>] ]

            const ValidationError = function (message) {
                const error = new Error(message)
                error.name = 'ACLValidationError'
                return error
            }

            try {
                const [fullTopic, userId, sessionId, command] = topicParts
                const [usernameUserId] = usernameParts
                if (!userId || !sessionId || !command) {
                    throw ValidationError('invalid topic format')
                }

                // Heartbeat topics. Here we re-use the command pathways to ensure end-to-end connectivity between the
                //  platform and the expert agent (via the bridge). See NOTE below about reversed request/response topics.
                // 1. Platform → AppBroker (publish) - platform publishes heartbeat
                // 2. AppBroker → ExpertBroker (subscribe) - agent subscribes for the heartbeat
                // 3. ExpertBroker → AppBroker (publish) - agent publishes its response to the heartbeat
                // 4. AppBroker → Platform (subscribe) - platform subscribes for the agent's response to the heartbeat
                // These special cases are allowed and are strictly limited to the single EXACT heartbeat topics
                //  and the user MUST be the platform or expert user depending on the direction of the message.
                // NOTE: request and response are reversed in the topic name because the platform is reusing the command channel
                //  designed for the agent to send requests to the platform. In this case, the platform is sending a request
                //  to the agent, so the topics are reversed. This seems odd, but is correct.

                // 1. Platform → AppBroker (heartbeat request) - allow platform to publish the heartbeat message
                if (fullTopic === 'ff/v1/expert/forge_platform/bridge/platform/heartbeat/response') {
                    if (usernameUserId === 'forge_platform' && acl.isPub) {
                        return true
                    }
                    throw ValidationError('heartbeat topic not permitted for this user')
                }

                // 2. ExpertBroker → AppBroker (heartbeat request) - allow agent to subscribe to the heartbeat request
                if (fullTopic === 'ff/v1/expert/expert-agent/bridge/platform/heartbeat/response') {
                    if (usernameUserId === 'expert-agent' && acl.isSub) {
                        return true
                    }
                    throw ValidationError('heartbeat topic not permitted for this user')
                }

                // 3. ExpertBroker → AppBroker (heartbeat response) - allow agent to publish to the heartbeat response
                if (fullTopic === 'ff/v1/expert/expert-agent/bridge/platform/heartbeat/request') {
                    if (usernameUserId === 'expert-agent' && acl.isPub) {
                        return true
                    }
                    throw ValidationError('heartbeat topic not permitted for this user')
                }

                // 4. Platform → AppBroker (heartbeat response) - allow platform to subscribe to the heartbeat response
                if (fullTopic === 'ff/v1/expert/forge_platform/bridge/platform/heartbeat/request') {
                    if (usernameUserId === 'forge_platform' && acl.isSub) {
                        return true
                    }
                    throw ValidationError('heartbeat topic not permitted for this user')
                }

                // Platform Command (non-heartbeat) topics are validated below:

                if (command === '+') {
                    if (!acl.allowWildcard?.command) {
                        throw ValidationError('invalid command wildcard')
                    }
                } else {
                    // validate command format is [forge:<command>]|[insights:<command>]
                    const commandParts = command.split(':', 2)
                    if (commandParts.length !== 2) {
                        throw ValidationError('invalid command format')
                    }
                    const [commandAgent, commandName] = commandParts
                    switch (commandAgent) {
                    case 'automation':
                        if (['mcp-get-features', 'mcp-call-tool'].indexOf(commandName) === -1) {
                            throw ValidationError('invalid platform command for platform api')
                        }
                        break
                    case 'insights':
                        if (['mcp-call-tool', 'mcp-read-resource'].includes(commandName) === false) {
                            throw ValidationError('invalid platform command for insights')
                        }
                        break
                    default:
                        throw ValidationError('invalid platform command')
                    }
                }

                // at minimum, ensure session is present and either a wildcard or 8 or more chars
                if (sessionId === '+') {
                    if (!acl.allowWildcard?.session) {
                        throw ValidationError('invalid session wildcard')
                    }
                } else if (sessionId.length < 8) {
                    throw ValidationError('invalid session id')
                }

                if (userId === '+') {
                    if (!acl.allowWildcard?.user) {
                        throw ValidationError('invalid user wildcard')
                    }
                } else {
                    const user = await app.db.models.User.byId(userId)
                    if (!user || user.suspended) {
                        throw ValidationError('invalid user')
                    }
                    // TODO: consider checking if the user has permission to operate on this channel here or in the command handler.
                    // For now, we just check the user exists and is not suspended.
                }

                return true
            } catch (err) {
                if (err.name === 'ACLValidationError') {
                    app.log.warn(`ACL validation error for expert platform topic: ${err.message}`)
                } else {
                    app.log.error(`Unexpected error during ACL validation for expert platform topic: ${err.message}`)
                }
            }
            return false
        },
        checkExpertTopic: async function (topicParts, usernameParts, acl) {
            // topicParts = [ fullTopic , <userid>, <sessionid>, <entityType>, <entityId> [, <inflightType>] ]
            // usernameParts = [ 'expert-client' | 'expert-agent', <userid> [, <sessionid>] ]
            // acl = { channel: 'inflight'|'chat', isPub: true/false, isSub: true/false, isClient: true/false, isAgent: true/false, allowWildcard: { user: true/false, session: true/false, entity: true/false } }

            const ValidationError = function (message) {
                const error = new Error(message)
                error.name = 'ACLValidationError'
                return error
            }

            try {
                const [, userId, sessionId, entityType, entityId, inflightType] = topicParts
                const [clientType, usernameUserId, usernameSessionId] = usernameParts

                const isInflight = acl.channel === 'inflight'
                const isChat = acl.channel === 'chat'
                const validateUserMatch = acl.isClient
                const validateUserExists = acl.isClient || (acl.isAgent && acl.isPub)
                const validateSession = acl.isClient

                // ensure correct selected acl for the client
                if (acl.isAgent && clientType !== 'expert-agent') {
                    throw ValidationError('invalid client type - expected an expert-agent client')
                } else if (!acl.isAgent && clientType !== 'expert-client') {
                    throw ValidationError('invalid client type - expected an expert-client client')
                }

                // ensure topic part count is valid for the type of subscription
                if (isInflight && topicParts.length !== 6) {
                    throw ValidationError('topic is invalid')
                } else if (isChat && topicParts.length !== 5) {
                    throw ValidationError('topic is invalid')
                }

                if (!userId) {
                    throw ValidationError('invalid userId')
                }
                if (validateUserMatch && userId !== usernameUserId) {
                    throw ValidationError('userId does not match')
                }
                if (acl.allowWildcard?.user && userId === '+') {
                    // this is valid, the client is subscribing to all topics for this session
                } else if (validateUserExists) {
                    const user = await app.db.models.User.byId(userId)
                    if (!user) {
                        throw ValidationError('userId does not exist')
                    }
                }

                // at minimum, ensure session is present 8 or more chars
                if (!sessionId) {
                    throw ValidationError('invalid sessionId')
                } else {
                    if (acl.allowWildcard?.session && sessionId === '+') {
                        // this is valid for agent subs (as they service all sessions for the users)
                    } else if (validateSession && sessionId !== usernameSessionId) {
                        throw ValidationError('sessionId does not match')
                    } else if (sessionId.length < 8) {
                        throw ValidationError('invalid sessionId')
                    }
                }

                // not all inflight subscriptions require an entity, but if one is provided it must be valid
                let teamId
                let applicationHash
                let isWildcardEntity = false
                if (acl.allowWildcard?.entity && (entityType === '+' || entityId === '+')) {
                    if (entityType !== '+' && entityId !== '+') {
                        throw ValidationError('invalid entity wildcards - both entityType and entityId must be wildcarded together')
                    }
                    isWildcardEntity = true
                } else if (entityType === 'p') {
                    const project = await app.db.models.Project.byId(entityId)
                    if (!project) {
                        throw ValidationError('project does not exist')
                    } else {
                        teamId = project.TeamId
                        applicationHash = project.Application?.hashid || app.db.models.Application.encodeHashid(project.ApplicationId)
                    }
                } else if (entityType === 'd') {
                    const device = await app.db.models.Device.byId(entityId)
                    if (!device) {
                        throw ValidationError('device does not exist')
                    } else {
                        teamId = device.TeamId
                        applicationHash = device.Application?.hashid || app.db.models.Application.encodeHashid(device.ApplicationId)
                    }
                } else if (entityType === 'a') {
                    const application = await app.db.models.Application.byId(entityId)
                    if (!application) {
                        throw ValidationError('application does not exist')
                    } else {
                        teamId = application.TeamId
                        applicationHash = application.hashid
                    }
                } else if (entityType === 't') {
                    const team = await app.db.models.Team.byId(entityId)
                    if (!team) {
                        throw ValidationError('team does not exist')
                    } else {
                        teamId = team.id
                    }
                } else {
                    throw ValidationError('invalid entity')
                }

                // must be member of a team
                if (!isWildcardEntity) {
                    const teamMembership = await app.db.models.TeamMember.getTeamMembership(userId, teamId, false)
                    if (!teamMembership) {
                        throw ValidationError('user is not a member of the team that owns this project')
                    }

                    // check expert assistant feature is enabled for the team (support agent uses MQTT)
                    if (acl.isClient) {
                        const team = await app.db.models.Team.byId(teamId)
                        if (team) {
                            await team.ensureTeamTypeExists()
                            const isAiEnabled = !!(app.config.features.enabled('ai') && team.getFeatureProperty('ai', true))
                            const isExpertAssistantEnabled = !!(app.config.features.enabled('expertAssistant') && team.getFeatureProperty('expertAssistant', true))
                            if (!isAiEnabled || !isExpertAssistantEnabled) {
                                throw ValidationError('expert assistant feature is not enabled for this team')
                            }
                        }
                    }

                    // if this is an inflight channel messages we must validate the user has appropriate RBAC permission
                    if (isInflight) {
                        const result = await expertRbacToolCheck(teamMembership, inflightType, applicationHash)
                        if (!result) {
                            throw ValidationError('user does not have permission to access this inflight topic')
                        }
                    }
                }

                return true
            } catch (error) {
                if (error.name === 'ACLValidationError') {
                    // ↓ Useful for debugging ↓
                    // console.warn('ACL DENY:', { topicParts, usernameParts, acl, reason: error.message })
                } else {
                    // unexpected error during ACL checking - log to app
                    app.log.error('Unexpected error during ACL check', { topicParts, usernameParts, acl, error })
                }
                return false
            }
        },
        /**
         * Third-party MCP inflight topics, spoken by the browser tab's team-channel
         * credential rather than the expert chat client.
         *
         * Deliberately separate from checkExpertTopic: the username shapes differ
         * (`fe-team:<user>:<team>:<session>` vs `expert-client:<user>:<session>`), so the
         * session sits at a different index and reusing that function would compare the
         * team hash against the topic's session.
         *
         * The tab already knows its own browser session id when it subscribes, so the
         * session is matched exactly - there is no session wildcard here. Only the entity
         * pair is wildcarded, so a tab does not have to resubscribe as the user navigates.
         */
        checkMcpInflightTopic: async function (topicParts, usernameParts, acl) {
            // topicParts = [ fullTopic , <userid>, <sessionid>, <entityType>, <entityId>, <inflightType> ]
            // usernameParts = [ 'fe-team', <userHash>, <teamHash>, <sessionId> ]
            // acl = { isPub: true/false, isSub: true/false, allowWildcard: { entity: true/false, inflightType: true/false } }

            const ValidationError = function (message) {
                const error = new Error(message)
                error.name = 'ACLValidationError'
                return error
            }

            try {
                const [, userId, sessionId, entityType, entityId, inflightType] = topicParts
                const [clientType, usernameUserId, , usernameSessionId] = usernameParts

                if (clientType !== 'fe-team') {
                    throw ValidationError('invalid client type - expected a fe-team client')
                }

                if (topicParts.length !== 6) {
                    throw ValidationError('topic is invalid')
                }

                if (!userId) {
                    throw ValidationError('invalid userId')
                }
                if (userId !== usernameUserId) {
                    throw ValidationError('userId does not match')
                }
                const user = await app.db.models.User.byId(userId)
                if (!user) {
                    throw ValidationError('userId does not exist')
                }

                // exact match only - a tab must not listen in on another tab's session
                if (!sessionId || sessionId.length < 8) {
                    throw ValidationError('invalid sessionId')
                }
                if (sessionId !== usernameSessionId) {
                    throw ValidationError('sessionId does not match')
                }

                let teamId
                let applicationHash
                let isWildcardEntity = false
                if (entityType === '+' || entityId === '+') {
                    if (entityType !== '+' || entityId !== '+') {
                        throw ValidationError('invalid entity wildcards - both entityType and entityId must be wildcarded together')
                    } else if (!acl.allowWildcard?.entity) {
                        throw ValidationError('invalid entity wildcard')
                    }
                    isWildcardEntity = true
                } else if (entityType === 'p') {
                    const project = await app.db.models.Project.byId(entityId)
                    if (!project) {
                        throw ValidationError('project does not exist')
                    } else {
                        teamId = project.TeamId
                        applicationHash = project.Application?.hashid || app.db.models.Application.encodeHashid(project.ApplicationId)
                    }
                } else if (entityType === 'd') {
                    const device = await app.db.models.Device.byId(entityId)
                    if (!device) {
                        throw ValidationError('device does not exist')
                    } else {
                        teamId = device.TeamId
                        applicationHash = device.Application?.hashid || app.db.models.Application.encodeHashid(device.ApplicationId)
                    }
                } else if (entityType === 'a') {
                    const application = await app.db.models.Application.byId(entityId)
                    if (!application) {
                        throw ValidationError('application does not exist')
                    } else {
                        teamId = application.TeamId
                        applicationHash = application.hashid
                    }
                } else if (entityType === 't') {
                    const team = await app.db.models.Team.byId(entityId)
                    if (!team) {
                        throw ValidationError('team does not exist')
                    } else {
                        teamId = team.id
                    }
                } else {
                    throw ValidationError('invalid entity')
                }

                // A wildcard entity carries no team to check against, so membership, the
                // feature gate and the per-tool RBAC check all run on the concrete-entity
                // topics instead - i.e. on the response the tab publishes.
                if (!isWildcardEntity) {
                    const teamMembership = await app.db.models.TeamMember.getTeamMembership(userId, teamId, false)
                    if (!teamMembership) {
                        throw ValidationError('user is not a member of the team that owns this entity')
                    }

                    const team = await app.db.models.Team.byId(teamId)
                    if (team) {
                        await team.ensureTeamTypeExists()
                        const isAiEnabled = !!(app.config.features.enabled('ai') && team.getFeatureProperty('ai', true))
                        const isMcpThirdPartyEnabled = !!(app.config.features.enabled('mcpThirdParty') && team.getFeatureProperty('mcpThirdParty', true))
                        if (!isAiEnabled || !isMcpThirdPartyEnabled) {
                            throw ValidationError('third-party MCP access is not enabled for this team')
                        }
                    }

                    const result = await expertRbacToolCheck(teamMembership, inflightType, applicationHash)
                    if (!result) {
                        throw ValidationError('user does not have permission to access this inflight topic')
                    }
                }

                return true
            } catch (error) {
                if (error.name === 'ACLValidationError') {
                    // ↓ Useful for debugging ↓
                    // console.warn('ACL DENY:', { topicParts, usernameParts, acl, reason: error.message })
                } else {
                    // unexpected error during ACL checking - log to app
                    app.log.error('Unexpected error during MCP inflight ACL check', { topicParts, usernameParts, acl, error })
                }
                return false
            }
        },
        /**
         * Third-party MCP gateway channel - the platform talking to the central MCP gateway.
         *
         *   ff/v1/mcp/<platformId>/<userId>/<mcpSessionId>/request   platform -> gateway
         *   ff/v1/mcp/<platformId>/<userId>/<mcpSessionId>/response  gateway -> platform
         *
         * The platformId is the id of the replica that owns the exchange (see
         * commsClient.platformId). The replica that emits a request is the one that must
         * receive its response, so the platformId is always concrete: there is no wildcard
         * for it on either side of the channel.
         *
         * Direction is not checked here. It is already fixed by which list a rule sits in
         * (verify() picks sub[] or pub[] from the access level) and by the request/response
         * suffix in the rule's own regex.
         */
        checkMcpTopic: async function (topicParts, usernameParts, acl) {
            // topicParts = [ fullTopic , <platformId>, <userId>, <mcpSessionId> ]
            // usernameParts = [ 'forge_platform' ] or [ '<gateway>', <userid> ]
            // acl = { isPlatform: true/false, isAgent: true/false, isPub: true/false, isSub: true/false, allowWildcard: { platformId: true/false, user: true/false, session: true/false } }

            // The gateway's broker username, as named by the mcpGateway acl block below.
            // No gateway identity is minted in v2AuthRoutes yet, and verify() has no branch
            // that routes one to the mcpGateway acls, so keep this in step with whatever
            // identity lands there and with the gateway service's own broker config.
            const MCP_GATEWAY_CLIENT_TYPE = 'ff-mcp-gateway'

            const ValidationError = function (message) {
                const error = new Error(message)
                error.name = 'ACLValidationError'
                return error
            }

            try {
                if (!app.config.features.enabled('mcpThirdParty')) {
                    throw ValidationError('third-party MCP access is not enabled on this platform')
                }

                const [, platformId, userId, mcpSessionId] = topicParts
                const [clientType] = usernameParts

                if (topicParts.length !== 4) {
                    throw ValidationError('topic is invalid')
                }
                if (!platformId || !userId || !mcpSessionId) {
                    throw ValidationError('invalid topic format')
                }

                // ensure the acl that matched belongs to the client presenting it
                if (acl.isPlatform) {
                    // when an MCP request is made via forge/ee/routes/mcp/server.js:POST('/'),
                    // the platform client is used to publish the request to the gateway
                    if (clientType !== 'forge_platform') {
                        throw ValidationError('invalid client type - expected the platform client')
                    }
                } else if (acl.isMcpGateway) {
                    // todo validate that the clientType starts with MCP_GATEWAY_CLIENT_TYPE not equals
                    if (clientType !== MCP_GATEWAY_CLIENT_TYPE) {
                        throw ValidationError(`invalid client type - expected an ${MCP_GATEWAY_CLIENT_TYPE} client`)
                    }
                } else {
                    throw ValidationError('acl does not declare which side of the channel it is for')
                }

                // at minimum, ensure the mcp session is present and either a wildcard or 8 or more chars
                if (mcpSessionId === '+') {
                    if (!acl.allowWildcard?.session) {
                        throw ValidationError('invalid session wildcard')
                    }
                } else if (mcpSessionId.length < 8) {
                    throw ValidationError('invalid mcp session id')
                }

                if (platformId === '+') {
                    if (!acl.allowWildcard?.platformId) {
                        throw ValidationError('invalid platform id wildcard')
                    }
                } else if (platformId !== app.comms.id) {
                    throw ValidationError('invalid platform id')
                }

                if (userId === '+') {
                    if (!acl.allowWildcard?.user) {
                        throw ValidationError('invalid user wildcard')
                    }
                } else {
                    const user = await app.db.models.User.byId(userId)
                    if (!user || user.suspended) {
                        throw ValidationError('invalid user')
                    }
                }

                return true
            } catch (err) {
                if (err.name === 'ACLValidationError') {
                    app.log.warn(`ACL validation error for MCP gateway topic: ${err.message}`)
                } else {
                    app.log.error(`Unexpected error during ACL validation for MCP gateway topic: ${err.message}`)
                }
            }
            return false
        }
    }

    const SHARED_SUB = /^\$share\/([^/]+)\/(.*)$/

    const ACLS = {
        forge_platform: {
            sub: [
                // Receive status events from project launchers
                // - ff/v1/<team>/l/<instance>/status
                { topic: /^ff\/v1\/[^/]+\/l\/[^/]+\/status$/, shared: true },
                // Receive status events, logs and command responses from devices
                // - ff/v1/<team>/d/<device>/status
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/status$/, shared: true },
                // - ff/v1/<team>/d/<device>/logs
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/logs$/ },
                // Receive broadcast response notification
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/response(\/[^/]+)?$/ },
                // ff/v1/<team>/d/<device>/logs/heartbeat
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/logs\/heartbeat$/ },
                // ff/v1/<team>/d/<device>/resources/heartbeat
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/resources\/heartbeat$/ },
                // ff/v1/platform/sync
                { topic: /^ff\/v1\/platform\/sync$/ },
                // ff/v1/platform/leader
                { topic: /^ff\/v1\/platform\/leader$/ },
                // platform can listen for Expert Agent requests
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/platform\/([^/]+)\/request$/, verify: 'checkExpertPlatformTopic', allowWildcard: { user: true, session: true, command: true }, isPlatform: true, isSub: true, agent: 'platform' },
                // platform can listen for third-party MCP responses from the central gateway
                // - ff/v1/mcp/<platformId>/+/+/response
                { topic: /^ff\/v1\/mcp\/([^/]+)\/([^/]+)\/([^/]+)\/response$/, verify: 'checkMcpTopic', allowWildcard: { user: true, session: true }, isPlatform: true, isSub: true },
                // - ff/v1/<team>/u/<user>/s/<session>/<event> (shared subscription)
                //   [^/]+ on the event segment: the subscription wildcard (+) is matched
                //   literally, and teamFrontend's pub rule already restricts the events
                { topic: /^ff\/v1\/[^/]+\/u\/[^/]+\/s\/[^/]+\/[^/]+$/, shared: true }
            ],
            pub: [
                // Send commands to project launchers
                // - ff/v1/+/l/+/command
                { topic: /^ff\/v1\/[^/]+\/l\/[^/]+\/command$/ },
                // Send commands to devices
                // - ff/v1/+/d/+/command
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/command$/ },
                // Send commands to all project-assigned devices
                // - ff/v1/+/p/+/command
                { topic: /^ff\/v1\/[^/]+\/p\/[^/]+\/command$/ },
                // Send commands to all application-assigned devices
                // - ff/v1/+/a/+/command
                { topic: /^ff\/v1\/[^/]+\/a\/[^/]+\/command$/ },
                // Team channel broadcasts to subscribed team members
                // - ff/v1/<team>/t/updated
                { topic: /^ff\/v1\/[^/]+\/t\/updated$/ },
                // - ff/v1/<team>/u/<user>/membership
                { topic: /^ff\/v1\/[^/]+\/u\/[^/]+\/membership$/ },
                // - ff/v1/<team>/p/<instance>/state
                { topic: /^ff\/v1\/[^/]+\/p\/[^/]+\/state$/ },
                // - ff/v1/<team>/d/<device>/state
                { topic: /^ff\/v1\/[^/]+\/d\/[^/]+\/state$/ },
                // - ff/v1/<team>/a/<application>/created|updated|deleted
                { topic: /^ff\/v1\/[^/]+\/a\/[^/]+\/(created|updated|deleted)$/ },
                // - ff/v1/<team>/p/<instance>/created|updated|deleted
                { topic: /^ff\/v1\/[^/]+\/p\/[^/]+\/(created|updated|deleted)$/ },
                // ff/v1/platform/sync
                { topic: /^ff\/v1\/platform\/sync$/ },
                // ff/v1/platform/leader
                { topic: /^ff\/v1\/platform\/leader$/ },
                // platform can respond to Expert Agent requests
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/platform\/([^/]+)\/response$/, verify: 'checkExpertPlatformTopic', isPlatform: true, isPub: true, agent: 'platform' },
                // platform can publish third-party MCP requests to the central gateway
                // - ff/v1/mcp/<platformId>/<userId>/<mcpSessionId>/request
                { topic: /^ff\/v1\/mcp\/([^/]+)\/([^/]+)\/([^/]+)\/request$/, verify: 'checkMcpTopic', isPlatform: true, isPub: true }
            ]
        },
        project: {
            sub: [
                // Receive commands from the platform
                // - ff/v1/<team>/l/<project>/command
                { topic: /^ff\/v1\/([^/]+)\/l\/([^/]+)\/command$/, verify: 'checkTeamAndObjectIds' }
            ],
            pub: [
                // Send status to the platform
                // - ff/v1/<team>/l/<project>/status
                { topic: /^ff\/v1\/([^/]+)\/l\/([^/]+)\/status$/, verify: 'checkTeamAndObjectIds' }
            ]
        },
        device: {
            sub: [
                // Receive commands from the platform
                // - ff/v1/<team>/d/<device>/command
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/command$/, verify: 'checkTeamAndObjectIds' },
                // Device when owned by a project, receive commands from the platform - broadcast
                // - ff/v1/<team>/p/<project>/command
                { topic: /^ff\/v1\/([^/]+)\/p\/([^/]+)\/command$/, verify: 'checkDeviceAssignedToProject' },
                //  Device when owned by an application, receive commands from the platform - broadcast
                // - ff/v1/<team>/a/<application>/command
                { topic: /^ff\/v1\/([^/]+)\/a\/([^/]+)\/command$/, verify: 'checkDeviceAssignedToApplication' }
            ],
            pub: [
                // Send status, logs and command responses to the platform
                // - ff/v1/<team>/d/<device>/status
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/status$/, verify: 'checkTeamAndObjectIds' },
                // - ff/v1/<team>/d/<device/logs
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/logs$/, verify: 'checkTeamAndObjectIds' },
                // - ff/v1/<team>/d/<device>/response[/<instance>]
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/response(\/[^/]+)?$/, verify: 'checkTeamAndObjectIds' },
                // - ff/v1/<team>/d/<device/resources
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/resources$/, verify: 'checkTeamAndObjectIds' }
            ]
        },
        frontend: {
            // TODO check the verify function is safe
            sub: [
                // - ff/v1/<team>/d/<device/logs
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/logs$/, verify: 'checkDeviceIsAssigned' },
                // - ff/v1/<team>/d/<device/resources
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/resources$/, verify: 'checkDeviceIsAssigned' }
            ],
            pub: [
                // - ff/v1/<team>/d/<device/logs/heartbeat
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/logs\/heartbeat$/, verify: 'checkDeviceIsAssigned' },
                // - ff/v1/<team>/d/<device/resources/heartbeat
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/resources\/heartbeat$/, verify: 'checkDeviceIsAssigned' }
            ]
        },
        // browser-side team channel (per-tab, per-team)
        teamFrontend: {
            sub: [
                // - ff/v1/<team>/t/updated
                { topic: /^ff\/v1\/([^/]+)\/t\/updated$/, verify: 'checkUserIsTeamMember' },
                // - ff/v1/<team>/u/<user>/membership
                { topic: /^ff\/v1\/([^/]+)\/u\/([^/]+)\/membership$/, verify: 'checkUserIsTeamMember' },
                // - ff/v1/<team>/p/+/state
                { topic: /^ff\/v1\/([^/]+)\/p\/([^/]+)\/state$/, verify: 'checkTeamStateSub' },
                // - ff/v1/<team>/d/+/state
                { topic: /^ff\/v1\/([^/]+)\/d\/([^/]+)\/state$/, verify: 'checkTeamStateSub' },
                // - ff/v1/<team>/a/+/created|updated|deleted
                { topic: /^ff\/v1\/([^/]+)\/a\/([^/]+)\/(created|updated|deleted)$/, verify: 'checkTeamStateSub' },
                // - ff/v1/<team>/p/+/created|updated|deleted
                { topic: /^ff\/v1\/([^/]+)\/p\/([^/]+)\/(created|updated|deleted)$/, verify: 'checkTeamStateSub' },
                // - ff/v1/expert/<user>/<session>/+/+/mcp/inflight/+/request
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/mcp\/inflight\/([^/]+)\/request$/, verify: 'checkMcpInflightTopic', allowWildcard: { entity: true, inflightType: true }, isSub: true }
            ],
            pub: [
                // - ff/v1/<team>/u/<user>/s/<session>/<heartbeat|close|disconnected>
                //   `disconnected` is the last will, published by the broker, not the tab
                { topic: /^ff\/v1\/([^/]+)\/u\/([^/]+)\/s\/([^/]+)\/(heartbeat|close|disconnected)$/, verify: 'checkUserIsTeamMember' },
                // - ff/v1/expert/<user>/<session>/<a|p|d|t>/<entityId>/mcp/inflight/<type>/response
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([tapd])\/([^/]+)\/mcp\/inflight\/([^/]+)\/response$/, verify: 'checkMcpInflightTopic', isPub: true }
            ]
        },
        // frontend client (user)
        expertClient: {
            sub: [
                // topic: ff/v1/expert/<userid>/<sessionid>/<a|p|d|t>/<appid|projid|devid|teamid>/support/chat/response
                // topic captures, 0 = full topic, 1 = userid, 2 = sessionid, 3 = entity type (a|p|d|t), 4 = entity id, 5 = inflight type (only for inflight topics)
                // example topic: ff/v1/expert/user123/session123/p/abc-123-456-789/support/chat/response
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/chat\/response$/, verify: 'checkExpertTopic', channel: 'chat', allowWildcard: { entity: true }, isClient: true, isSub: true },
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/inflight\/([^/]+)\/request$/, verify: 'checkExpertTopic', channel: 'inflight', allowWildcard: { entity: true, inflightType: true }, isClient: true, isSub: true }
            ],
            pub: [
                // topic: ff/v1/expert/<userid>/<sessionid>/<a|p|d|t>/<appid|projid|devid|teamid>/support/chat/request
                // topic captures, 0 = full topic, 1 = userid, 2 = sessionid, 3 = entity type (a|p|d|t), 4 = entity id, 5 = inflight type (only for inflight topics)
                // example topic: ff/v1/expert/user123/session123/p/abc-111-222-333/support/chat/request
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([tapd])\/([^/]+)\/support\/chat\/request$/, verify: 'checkExpertTopic', channel: 'chat', isClient: true, isPub: true },
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([tapd])\/([^/]+)\/support\/inflight\/([^/]+)\/response$/, verify: 'checkExpertTopic', channel: 'inflight', isClient: true, isPub: true }
            ]
        },
        // backend client (agent 1st party (no bridge))
        expertAgent: {
            sub: [
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/chat\/request$/, verify: 'checkExpertTopic', channel: 'chat', allowWildcard: { user: true, session: true, entity: true }, isAgent: true, isSub: true, agent: 'support' },
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/inflight\/([^/]+)\/response$/, verify: 'checkExpertTopic', channel: 'inflight', allowWildcard: { user: true, session: true, entity: true, inflightType: true }, isAgent: true, isSub: true, agent: 'support' },
                // Expert agent can listen for platform responses
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/platform\/([^/]+)\/response$/, verify: 'checkExpertPlatformTopic', allowWildcard: { user: true, session: true, command: true }, isAgent: true, isSub: true, agent: 'platform' }
            ],
            pub: [
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/chat\/response$/, verify: 'checkExpertTopic', channel: 'chat', isAgent: true, isPub: true, agent: 'support' },
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/support\/inflight\/([^/]+)\/request$/, verify: 'checkExpertTopic', channel: 'inflight', isAgent: true, isPub: true, agent: 'support' },
                // Expert agent can respond to platform requests
                { topic: /^ff\/v1\/expert\/([^/]+)\/([^/]+)\/platform\/([^/]+)\/request$/, verify: 'checkExpertPlatformTopic', isAgent: true, isPub: true, agent: 'platform' },
            ]
        }
    }

    return {
        verify: async function (username, topic, accessLevel) {
            // Types of client
            // - forge_platform
            // - project:<teamid>:<projectid>
            // - device:<teamid>:<deviceid>
            // - frontend:<teamid>:<deviceid>
            // - fe-team:<userid>:<teamid>:<sessionid>
            // - expert-client:<userid>:<sessionid>
            // - expert-agent:<userid>:<apiversion>

            let allowed = false
            let aclList = []
            // accessLevel 1=SUB 2=PUB 3=WRITE
            // We do not distinguish between SUB & WRITE
            const aclType = accessLevel === 2 ? 'pub' : 'sub'
            // Pick the appropriate ACL list based on username/accessLevel
            if (username === 'forge_platform') {
                aclList = ACLS[username][aclType]
            } else if (/^project:/.test(username)) {
                aclList = ACLS.project[aclType]
            } else if (/^device:/.test(username)) {
                aclList = ACLS.device[aclType]
            } else if (/^fe-team:/.test(username)) {
                aclList = ACLS.teamFrontend[aclType]
            } else if (/^frontend:/.test(username)) {
                aclList = ACLS.frontend[aclType]
            } else if (/^expert-agent:/.test(username)) {
                aclList = ACLS.expertAgent[aclType]
            } else if (/^expert-client:/.test(username)) {
                aclList = ACLS.expertClient[aclType]
            } else {
                return false
            }
            const l = aclList.length
            if (l > 0) {
                const usernameParts = username.split(':')
                let isSharedSub = false
                if (aclType === 'sub') {
                    // Check for a shared subscription
                    const sharedSubParts = SHARED_SUB.exec(topic)
                    if (sharedSubParts) {
                        isSharedSub = true
                        // This is a shared sub - validate the share group name
                        const shareGroup = sharedSubParts[1]
                        if (shareGroup !== 'platform' && shareGroup !== 'browser' && shareGroup !== usernameParts[2]) {
                            return false
                        }
                        topic = sharedSubParts[2]
                    }
                }
                for (let i = 0; i < l; i++) {
                    const acl = aclList[i]
                    const m = acl.topic.exec(topic)
                    if (m) {
                        if (isSharedSub && !acl.shared) {
                            // This isn't allowed to be a sharedSub
                            break
                        } else if (acl.verify) {
                            try {
                                if (!verifyFunctions[acl.verify] || typeof verifyFunctions[acl.verify] !== 'function') {
                                    throw new Error(`Missing verification function '${acl.verify}'`)
                                }
                                allowed = await verifyFunctions[acl.verify](m, usernameParts, acl)
                            } catch (err) {
                                allowed = false
                                app.log.error('Error in ACL verify function', { error: err, topic, username, acl })
                            }
                            // ↓ Useful for debugging ↓
                            // if (allowed !== true) {
                            //     console.log('DENIED!', topic, acl)
                            // }
                        } else {
                            allowed = true
                        }
                        break
                    }
                }
            }
            return allowed
        },
        addACL: function (scope, action, acl) {
            ACLS[scope][action].push(acl)
        }
    }
}
