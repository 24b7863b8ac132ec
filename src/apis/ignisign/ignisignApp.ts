/** One Ignisign application as the store keeps it and the fixtures seed it. */
export interface IgnisignApp {
  appId: string;
  orgId: string;
  appName: string;
  status: string;
  appType: string;
  defaultLanguage: string;
}
