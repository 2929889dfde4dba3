import {
  standardSchemaToJSONSchema,
  toStandardSchema,
} from "@mastra/core/schema";
import { createTool, Tool } from "@mastra/core/tools";
import type { InAppAgentSandbox } from "./sandbox";
import {
  hasProjectAccessByRole,
  type ProjectScope,
} from "../../features/rbac/projectAccessRights";
import { assertUnreachable } from "../../utils/typeChecks";
import {
  buildDashboardsPath,
  buildDashboardWidgetPath,
  buildDatasetsPath,
  buildEvalsPath,
  buildExperimentsPath,
  buildModelsPath,
  buildMonitorsPath,
  buildPlaygroundPath,
  buildProjectMembersPath,
  buildProjectSettingsPath,
  buildPromptsPath,
  buildScoresPath,
  buildSessionPath,
  buildSessionsPath,
  buildTracePath,
  buildTracesPath,
} from "../../server/utils/productUrl";
import z from "zod";
import { TABLE_AGGREGATION_OPTIONS } from "../../utils/dateRanges";
import { ObservationLevelDomain, TracingSearchType } from "../../index";
import { Role } from "../../db";
import {
  IN_APP_AGENT_REDIRECT_TOOL_NAME,
  IN_APP_AGENT_SILENT_MCP_OUTPUT_MESSAGE,
  IN_APP_AGENT_SILENT_MCP_OUTPUT_TYPE,
} from "../constants";

type InAppAgentMcpToolApproval = "auto" | "approval";

export type InAppAgentUserAccess = {
  projectRole?: Role;
  // Global Langfuse admin flag. This bypasses project membership checks.
  isAdmin: boolean;
};

type InAppAgentMcpToolPolicy = {
  approval: InAppAgentMcpToolApproval;
  availability: {
    scope: ProjectScope;
  };
};

// Exhaustive approval policy for Langfuse MCP tools. Keys use the unprefixed
// MCP registry names and are the source of truth for the tool-name type below.
// Exhaustiveness against web's MCP toolRegistry is enforced by type and runtime
// assertions in web's in-app-agent stream servertest, so new MCP tools must be
// classified before the in-app agent can auto/approval-gate them.
export const IN_APP_AGENT_LANGFUSE_MCP_TOOL_POLICIES = {
  listAnnotationQueues: {
    approval: "auto",
    availability: { scope: "annotationQueues:read" },
  },
  createAnnotationQueue: {
    approval: "approval",
    availability: { scope: "annotationQueues:CUD" },
  },
  getAnnotationQueue: {
    approval: "auto",
    availability: { scope: "annotationQueues:read" },
  },
  listAnnotationQueueItems: {
    approval: "auto",
    availability: { scope: "annotationQueues:read" },
  },
  getAnnotationQueueItem: {
    approval: "auto",
    availability: { scope: "annotationQueues:read" },
  },
  createAnnotationQueueItem: {
    approval: "approval",
    availability: { scope: "annotationQueues:CUD" },
  },
  updateAnnotationQueueItem: {
    approval: "approval",
    availability: { scope: "annotationQueues:CUD" },
  },
  deleteAnnotationQueueItem: {
    approval: "approval",
    availability: { scope: "annotationQueues:CUD" },
  },
  createAnnotationQueueAssignment: {
    approval: "approval",
    availability: { scope: "annotationQueueAssignments:CUD" },
  },
  deleteAnnotationQueueAssignment: {
    approval: "approval",
    availability: { scope: "annotationQueueAssignments:CUD" },
  },
  createComment: {
    approval: "approval",
    availability: { scope: "comments:CUD" },
  },
  listComments: {
    approval: "auto",
    availability: { scope: "comments:read" },
  },
  getComment: {
    approval: "auto",
    availability: { scope: "comments:read" },
  },
  upsertDataset: {
    approval: "approval",
    availability: { scope: "datasets:CUD" },
  },
  listDatasets: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  getDataset: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  upsertDatasetItem: {
    approval: "approval",
    availability: { scope: "datasets:CUD" },
  },
  listDatasetItems: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  getDatasetItem: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  deleteDatasetItem: {
    approval: "approval",
    availability: { scope: "datasets:CUD" },
  },
  createDatasetRunItem: {
    approval: "approval",
    availability: { scope: "datasets:CUD" },
  },
  listDatasetRunItems: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  listDatasetRuns: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  getDatasetRun: {
    approval: "auto",
    availability: { scope: "datasets:read" },
  },
  deleteDatasetRun: {
    approval: "approval",
    availability: { scope: "datasets:CUD" },
  },
  listEvaluators: {
    approval: "auto",
    availability: { scope: "evalTemplate:read" },
  },
  getEvaluator: {
    approval: "auto",
    availability: { scope: "evalTemplate:read" },
  },
  upsertEvaluator: {
    approval: "approval",
    availability: { scope: "evalTemplate:CUD" },
  },
  deleteEvaluator: {
    approval: "approval",
    availability: { scope: "evalTemplate:CUD" },
  },
  listEvaluationRules: {
    approval: "auto",
    availability: { scope: "evalJob:read" },
  },
  getEvaluationRule: {
    approval: "auto",
    availability: { scope: "evalJob:read" },
  },
  createEvaluationRule: {
    approval: "approval",
    availability: { scope: "evalJob:CUD" },
  },
  updateEvaluationRule: {
    approval: "approval",
    availability: { scope: "evalJob:CUD" },
  },
  deleteEvaluationRule: {
    approval: "approval",
    availability: { scope: "evalJob:CUD" },
  },
  listExperiments: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  listExperimentItems: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  submitFeedback: {
    approval: "approval",
    availability: { scope: "project:read" },
  },
  getHealth: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getMedia: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  queryMetrics: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getMetricsSchema: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  listModels: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  createModel: {
    approval: "approval",
    availability: { scope: "models:CUD" },
  },
  getModel: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  deleteModel: {
    approval: "approval",
    availability: { scope: "models:CUD" },
  },
  listObservations: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getObservation: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getObservationFieldSchema: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getObservationFilterSchema: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getObservationFilterValues: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getPrompt: {
    approval: "auto",
    availability: { scope: "prompts:read" },
  },
  getPromptUnresolved: {
    approval: "auto",
    availability: { scope: "prompts:read" },
  },
  listAlerts: {
    approval: "auto",
    availability: { scope: "alerts:read" },
  },
  getAlert: {
    approval: "auto",
    availability: { scope: "alerts:read" },
  },
  listPrompts: {
    approval: "auto",
    availability: { scope: "prompts:read" },
  },
  createTextPrompt: {
    approval: "approval",
    availability: { scope: "prompts:CUD" },
  },
  createChatPrompt: {
    approval: "approval",
    availability: { scope: "prompts:CUD" },
  },
  updatePromptLabels: {
    approval: "approval",
    availability: { scope: "prompts:CUD" },
  },
  listScores: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  getScore: {
    approval: "auto",
    availability: { scope: "project:read" },
  },
  createScore: {
    approval: "approval",
    availability: { scope: "scores:CUD" },
  },
  listScoreConfigs: {
    approval: "auto",
    availability: { scope: "scoreConfigs:read" },
  },
  getScoreConfig: {
    approval: "auto",
    availability: { scope: "scoreConfigs:read" },
  },
  createScoreConfig: {
    approval: "approval",
    availability: { scope: "scoreConfigs:CUD" },
  },
  updateScoreConfig: {
    approval: "approval",
    availability: { scope: "scoreConfigs:CUD" },
  },
  deleteScoreConfig: {
    approval: "approval",
    availability: { scope: "scoreConfigs:CUD" },
  },
  createDashboardWidget: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  listDashboardWidgets: {
    approval: "auto",
    availability: { scope: "dashboards:read" },
  },
  getDashboardWidget: {
    approval: "auto",
    availability: { scope: "dashboards:read" },
  },
  updateDashboardWidget: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  deleteDashboardWidget: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  listDashboards: {
    approval: "auto",
    availability: { scope: "dashboards:read" },
  },
  getDashboard: {
    approval: "auto",
    availability: { scope: "dashboards:read" },
  },
  createDashboard: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  updateDashboard: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  deleteDashboard: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  addDashboardPlacement: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  updateDashboardPlacement: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
  deleteDashboardPlacement: {
    approval: "approval",
    availability: { scope: "dashboards:CUD" },
  },
} satisfies Record<string, InAppAgentMcpToolPolicy>;

export type InAppAgentLangfuseMcpToolName =
  keyof typeof IN_APP_AGENT_LANGFUSE_MCP_TOOL_POLICIES;

export const IN_APP_AGENT_LANGFUSE_MCP_TOOL_NAMES =
  new Set<InAppAgentLangfuseMcpToolName>(
    Object.keys(
      IN_APP_AGENT_LANGFUSE_MCP_TOOL_POLICIES,
    ) as InAppAgentLangfuseMcpToolName[],
  );

export const IN_APP_AGENT_AUTO_APPROVED_EXTERNAL_TOOL_NAMES = new Set([
  IN_APP_AGENT_REDIRECT_TOOL_NAME,
]);

export const IN_APP_AGENT_SANDBOX_TOOL_NAMES = new Set([
  "read",
  "write",
  "edit",
  "bash",
]);

// Tools in this set can run without a human-in-the-loop approval prompt. Every
// other MCP tool is still exposed to the model, but Mastra suspends execution
// until the user explicitly approves the exact call.
export const IN_APP_AGENT_AUTO_APPROVED_TOOL_NAMES = new Set([
  ...Object.entries(IN_APP_AGENT_LANGFUSE_MCP_TOOL_POLICIES)
    .filter(([, policy]) => policy.approval === "auto")
    .map(([toolName]) => `langfuse_${toolName}`),
  ...IN_APP_AGENT_AUTO_APPROVED_EXTERNAL_TOOL_NAMES,
  ...IN_APP_AGENT_SANDBOX_TOOL_NAMES,
]);

export function isMcpToolName(
  input: string,
): input is InAppAgentLangfuseMcpToolName {
  return IN_APP_AGENT_LANGFUSE_MCP_TOOL_NAMES.has(
    input as InAppAgentLangfuseMcpToolName,
  );
}

export function isInAppAgentLangfuseMcpToolAvailable(params: {
  toolName: InAppAgentLangfuseMcpToolName;
  userAccess?: InAppAgentUserAccess;
}): boolean {
  if (!params.userAccess) {
    return false;
  }

  const policy = IN_APP_AGENT_LANGFUSE_MCP_TOOL_POLICIES[params.toolName];

  if (!policy) {
    return false;
  }

  return hasProjectAccessByRole({
    role: params.userAccess.projectRole ?? Role.MEMBER,
    admin: params.userAccess.isAdmin,
    scope: policy.availability.scope,
  });
}

export function filterInAppAgentAvailableLangfuseMcpTools<TTool>(params: {
  tools: Partial<Record<InAppAgentLangfuseMcpToolName, TTool>> | undefined;
  userAccess?: InAppAgentUserAccess;
}): Partial<Record<InAppAgentLangfuseMcpToolName, TTool>> {
  return Object.fromEntries(
    Object.entries(params.tools ?? {}).flatMap(([toolName, tool]) => {
      if (!isMcpToolName(toolName)) {
        return [];
      }

      if (
        !isInAppAgentLangfuseMcpToolAvailable({
          toolName,
          userAccess: params.userAccess,
        })
      ) {
        return [];
      }

      return [[toolName, tool] as const];
    }),
  );
}

type InAppAgentTool = object;

export function withInAppAgentToolApproval<TTool extends InAppAgentTool>(
  tools: Record<string, TTool>,
): Record<string, TTool | (TTool & { requireApproval: true })> {
  return Object.fromEntries(
    Object.entries(tools).map(([toolName, tool]) => [
      toolName,
      isInAppAgentAutoApprovedToolName(toolName)
        ? tool
        : { ...tool, requireApproval: true },
    ]),
  ) as Record<string, TTool | (TTool & { requireApproval: true })>;
}

function isInAppAgentAutoApprovedToolName(toolName: string): boolean {
  return (
    toolName.startsWith("langfuseDocs_") ||
    IN_APP_AGENT_AUTO_APPROVED_TOOL_NAMES.has(toolName)
  );
}

export function createSandboxTools(sandbox: InAppAgentSandbox) {
  return {
    read: createTool({
      id: "read",
      description: "Read a file.",
      inputSchema: z.object({ path: z.string().min(1) }),
      execute: async ({ path }) => sandbox.read({ path }),
    }),
    write: createTool({
      id: "write",
      description: "Create or overwrite a file.",
      inputSchema: z.object({
        path: z.string().min(1),
        content: z.string(),
      }),
      execute: async ({ path, content }) => sandbox.write({ path, content }),
    }),
    edit: createTool({
      id: "edit",
      description: "Replace an exact text span inside a file with new text.",
      inputSchema: z.object({
        path: z.string().min(1),
        oldText: z.string(),
        newText: z.string(),
      }),
      execute: async ({ path, oldText, newText }) =>
        sandbox.edit({ path, oldText, newText }),
    }),
    bash: createTool({
      id: "bash",
      description: "Run a shell command.",
      inputSchema: z.object({
        command: z.string().min(1),
        timeoutMs: z.number().int().positive().max(120_000).default(120_000),
      }),
      execute: async ({ command, timeoutMs }) =>
        sandbox.bash({ command, timeoutMs }),
    }),
  };
}

const SILENT_MCP_TOOL_PARAMETER_DESCRIPTION =
  "Suppress the tool output from the conversation and save the full result to /workspace/tool_calls.";

const SilentMcpToolInputSchema = z.looseObject({
  silent: z
    .boolean()
    .optional()
    .describe(SILENT_MCP_TOOL_PARAMETER_DESCRIPTION),
});

type SilentMcpToolOutput = {
  type: typeof IN_APP_AGENT_SILENT_MCP_OUTPUT_TYPE;
  output: unknown;
};

export type CompletedInAppAgentMcpToolCall = {
  toolCallId: string;
  toolName: string;
  request: unknown;
  response: unknown;
  error: string | null;
  createdAt: Date;
};

type WrappableMcpTool = Pick<
  Tool,
  "execute" | "inputSchema" | "toModelOutput"
> &
  Required<Pick<Tool, "execute" | "inputSchema">>;

function isWrappableMcpTool(tool: unknown): tool is WrappableMcpTool {
  return (
    typeof tool === "object" &&
    tool !== null &&
    "execute" in tool &&
    typeof tool.execute === "function" &&
    "inputSchema" in tool &&
    tool.inputSchema !== undefined &&
    (!("toModelOutput" in tool) ||
      tool.toModelOutput === undefined ||
      typeof tool.toModelOutput === "function")
  );
}

export function withOptionalSilentMcpOutput(params: {
  tools: Record<string, unknown> | undefined;
  sandbox?: InAppAgentSandbox;
  onToolCallCompleted?: (toolCall: CompletedInAppAgentMcpToolCall) => void;
}): Record<string, Tool> {
  return Object.fromEntries(
    Object.entries(params.tools ?? {}).map(([toolName, tool]) => {
      if (!params.sandbox) {
        return [toolName, tool];
      }

      // MCPClient may construct tools with a different @mastra/core module
      // instance, so instanceof Tool is not reliable across package realms.
      if (!isWrappableMcpTool(tool)) {
        return [toolName, tool];
      }

      const { execute, inputSchema, toModelOutput } = tool;

      if (inputSchema instanceof z.ZodObject) {
        tool.inputSchema = inputSchema.extend({
          silent: z
            .boolean()
            .optional()
            .describe(SILENT_MCP_TOOL_PARAMETER_DESCRIPTION),
        });
      } else {
        const jsonInputSchema = standardSchemaToJSONSchema(inputSchema);
        if (jsonInputSchema.type !== "object") {
          return [toolName, tool];
        }

        tool.inputSchema = toStandardSchema({
          ...jsonInputSchema,
          properties: {
            ...jsonInputSchema.properties,
            silent: {
              type: "boolean",
              description: SILENT_MCP_TOOL_PARAMETER_DESCRIPTION,
            },
          },
        });
      }

      tool.execute = async (input, context) => {
        const { silent, ...toolInput } = SilentMcpToolInputSchema.parse(input);
        const toolCallId = getToolCallId(context);
        const createdAt = new Date();
        let result: unknown;

        try {
          result = await execute(toolInput, context);
        } catch (error) {
          if (toolCallId) {
            params.onToolCallCompleted?.({
              toolCallId,
              toolName,
              request: input,
              response: null,
              error: error instanceof Error ? error.message : String(error),
              createdAt,
            });
          }

          throw error;
        }

        if (toolCallId) {
          params.onToolCallCompleted?.({
            toolCallId,
            toolName,
            request: input,
            response: result,
            error: null,
            createdAt,
          });
        }

        if (!silent) {
          return result;
        }

        // Preserve the raw result for the existing tool_calls persistence flow.
        return {
          type: IN_APP_AGENT_SILENT_MCP_OUTPUT_TYPE,
          output: result,
        } satisfies SilentMcpToolOutput;
      };
      tool.toModelOutput = (output) => {
        if (isSilentMcpToolOutput(output)) {
          return IN_APP_AGENT_SILENT_MCP_OUTPUT_MESSAGE;
        }

        return toModelOutput ? toModelOutput(output) : output;
      };

      return [toolName, tool];
    }),
  ) as Record<string, Tool>;
}

function getToolCallId(context: unknown) {
  if (
    typeof context !== "object" ||
    context === null ||
    !("agent" in context) ||
    typeof context.agent !== "object" ||
    context.agent === null ||
    !("toolCallId" in context.agent) ||
    typeof context.agent.toolCallId !== "string"
  ) {
    return undefined;
  }

  return context.agent.toolCallId;
}

export function getPublicInAppAgentMcpToolResultContent(content: string) {
  try {
    return isSilentMcpToolOutput(JSON.parse(content) as unknown)
      ? IN_APP_AGENT_SILENT_MCP_OUTPUT_MESSAGE
      : content;
  } catch {
    return content;
  }
}

export function getSandboxInAppAgentMcpToolResultContent(content: string) {
  const parsed = JSON.parse(content) as unknown;

  return isSilentMcpToolOutput(parsed) ? parsed.output : parsed;
}

function isSilentMcpToolOutput(value: unknown): value is SilentMcpToolOutput {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    value.type === IN_APP_AGENT_SILENT_MCP_OUTPUT_TYPE &&
    "output" in value
  );
}

const InAppAgentRedirectDestinationSchema = z.enum([
  "alerts",
  "dashboardWidget",
  "dashboards",
  "datasets",
  "evals",
  "experiments",
  "models",
  "playground",
  "projectMembers",
  "projectSettings",
  "prompts",
  "scores",
  "session",
  "sessions",
  "trace",
  "traces",
]);

const InAppAgentRedirectBaseSchema = z.object({
  label: z.string().min(1).max(80),
});

const InAppAgentTableTimeRangePresetSchema = z.enum(TABLE_AGGREGATION_OPTIONS);

const InAppAgentTableTimeRangeStrictSchema = z.union([
  z.object({
    preset: InAppAgentTableTimeRangePresetSchema,
  }),
  z.object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
  }),
]);

const InAppAgentTableTimeRangeSchema = z
  .object({
    preset: InAppAgentTableTimeRangePresetSchema.optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .superRefine((value, ctx) => {
    if (!InAppAgentTableTimeRangeStrictSchema.safeParse(value).success) {
      ctx.addIssue({
        code: "custom",
        message: "Provide either a preset or both from and to.",
      });
    }
  }) as z.ZodType<z.infer<typeof InAppAgentTableTimeRangeStrictSchema>>;

const InAppAgentTracingFiltersSchema = z.object({
  bookmarked: z.boolean().optional(),
  environment: z.array(z.string().min(1).max(100)).max(10).optional(),
  level: z.array(ObservationLevelDomain).max(4).optional(),
  metadata: z
    .array(
      z.object({
        key: z.string().min(1).max(100),
        value: z.string().max(200),
      }),
    )
    .max(5)
    .optional(),
  sessionId: z.array(z.string().min(1).max(200)).max(10).optional(),
  tags: z.array(z.string().min(1).max(100)).max(10).optional(),
  traceId: z.string().min(1).max(200).optional(),
  traceName: z.array(z.string().min(1).max(200)).max(10).optional(),
  userId: z.array(z.string().min(1).max(200)).max(10).optional(),
  version: z.string().min(1).max(200).optional(),
});

const InAppAgentTracesParamsSchema = z.object({
  filters: InAppAgentTracingFiltersSchema.optional(),
  orderBy: z
    .object({
      column: z.enum(["timestamp", "startTime", "traceName", "latency"]),
      order: z.enum(["ASC", "DESC"]),
    })
    .optional(),
  search: z
    .object({
      query: z.string().min(1).max(300),
      type: z.array(TracingSearchType).max(4).optional(),
    })
    .optional(),
  timeRange: InAppAgentTableTimeRangeSchema.optional(),
});

const InAppAgentProjectSettingsPageSchema = z.enum([
  "index",
  "api-keys",
  "developer-tools",
  "llm-connections",
  "models",
  "scores",
  "members",
  "integrations",
  "exports",
  "batch-actions",
  "audit-logs",
  "notifications",
]);

const InAppAgentRedirectToolInputStrictSchema = z.discriminatedUnion(
  "destination",
  [
    InAppAgentRedirectBaseSchema.extend({ destination: z.literal("alerts") }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("dashboardWidget"),
      params: z.object({ widgetId: z.string().min(1).max(200) }),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("dashboards"),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("datasets"),
      params: z
        .object({ folder: z.string().min(1).max(200).optional() })
        .optional(),
    }),
    InAppAgentRedirectBaseSchema.extend({ destination: z.literal("evals") }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("experiments"),
    }),
    InAppAgentRedirectBaseSchema.extend({ destination: z.literal("models") }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("playground"),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("projectMembers"),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("projectSettings"),
      params: z
        .object({ page: InAppAgentProjectSettingsPageSchema.optional() })
        .optional(),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("prompts"),
      params: z
        .object({ folder: z.string().min(1).max(200).optional() })
        .optional(),
    }),
    InAppAgentRedirectBaseSchema.extend({ destination: z.literal("scores") }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("session"),
      params: z.object({ sessionId: z.string().min(1).max(200) }),
    }),
    InAppAgentRedirectBaseSchema.extend({ destination: z.literal("sessions") }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("trace"),
      params: z.object({
        timestamp: z.iso.datetime().optional(),
        traceId: z.string().min(1).max(200),
      }),
    }),
    InAppAgentRedirectBaseSchema.extend({
      destination: z.literal("traces"),
      params: InAppAgentTracesParamsSchema.optional(),
    }),
  ],
);

const InAppAgentRedirectParamsSchema = z.object({
  folder: z.string().min(1).max(200).optional(),
  page: InAppAgentProjectSettingsPageSchema.optional(),
  sessionId: z.string().min(1).max(200).optional(),
  timestamp: z.iso.datetime().optional(),
  traceId: z.string().min(1).max(200).optional(),
  widgetId: z.string().min(1).max(200).optional(),
  filters: InAppAgentTracingFiltersSchema.optional(),
  orderBy: InAppAgentTracesParamsSchema.shape.orderBy,
  search: InAppAgentTracesParamsSchema.shape.search,
  timeRange: InAppAgentTableTimeRangeSchema.optional(),
});

const InAppAgentRedirectToolInputSchema = InAppAgentRedirectBaseSchema.extend({
  destination: InAppAgentRedirectDestinationSchema,
  params: InAppAgentRedirectParamsSchema.optional(),
}).superRefine((value, ctx) => {
  const result = InAppAgentRedirectToolInputStrictSchema.safeParse(value);

  if (!result.success) {
    ctx.addIssue({
      code: "custom",
      message: "Invalid redirect destination parameters.",
    });
  }
}) as z.ZodType<z.infer<typeof InAppAgentRedirectToolInputStrictSchema>>;

type InAppAgentRedirectToolInput = z.infer<
  typeof InAppAgentRedirectToolInputStrictSchema
>;

export function createRedirectActionTool({
  projectId,
  isV4Enabled,
}: {
  projectId: string;
  isV4Enabled: boolean;
}) {
  return createTool({
    id: IN_APP_AGENT_REDIRECT_TOOL_NAME,
    description:
      "Propose a user-confirmed navigation action to a known Langfuse page. This does not navigate automatically.",
    inputSchema: InAppAgentRedirectToolInputSchema,
    execute: async (input) => {
      return getRedirectActionToolResult({
        input,
        projectId,
        isV4Enabled,
      });
    },
  });
}

function getRedirectActionToolResult({
  input,
  projectId,
  isV4Enabled,
}: {
  input: unknown;
  projectId: string;
  isV4Enabled: boolean;
}) {
  const parsedInput = InAppAgentRedirectToolInputSchema.parse(input);
  const href = getRedirectHref(parsedInput, projectId, isV4Enabled);

  return {
    type: "redirectAction" as const,
    label: parsedInput.label,
    href,
  };
}

function getRedirectHref(
  input: InAppAgentRedirectToolInput,
  projectId: string,
  isV4Enabled: boolean,
): string {
  if (input.destination === "alerts") {
    return buildMonitorsPath({ projectId });
  }

  if (input.destination === "dashboardWidget") {
    return buildDashboardWidgetPath({
      projectId,
      widgetId: input.params.widgetId,
    });
  }

  if (input.destination === "dashboards") {
    return buildDashboardsPath({ projectId });
  }

  if (input.destination === "datasets") {
    return buildDatasetsPath({
      projectId,
      folder: input.params?.folder,
    });
  }

  if (input.destination === "evals") {
    return buildEvalsPath({ projectId });
  }

  if (input.destination === "experiments") {
    return buildExperimentsPath({ projectId });
  }

  if (input.destination === "models") {
    return buildModelsPath({ projectId });
  }

  if (input.destination === "playground") {
    return buildPlaygroundPath({ projectId });
  }

  if (input.destination === "projectMembers") {
    return buildProjectMembersPath({ projectId });
  }

  if (input.destination === "projectSettings") {
    return buildProjectSettingsPath({
      projectId,
      page: input.params?.page,
    });
  }

  if (input.destination === "prompts") {
    return buildPromptsPath({
      projectId,
      folder: input.params?.folder,
    });
  }

  if (input.destination === "scores") {
    return buildScoresPath({ projectId });
  }

  if (input.destination === "session") {
    return buildSessionPath({
      projectId,
      sessionId: input.params.sessionId,
    });
  }

  if (input.destination === "sessions") {
    return buildSessionsPath({ projectId });
  }

  if (input.destination === "trace") {
    return buildTracePath({
      projectId,
      traceId: input.params.traceId,
      timestamp: input.params.timestamp,
    });
  }

  if (input.destination === "traces") {
    return buildTracesPath({
      projectId,
      isV4Enabled,
      params: input.params,
    });
  }

  return assertUnreachable(input);
}
