export * from "app/client/ui/OAuthFlowCore";
