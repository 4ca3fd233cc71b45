using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Engine;

/// <summary>The server roles a plan opens ports for (empty: every role), and the host they are run on, if the plan is for one.</summary>
internal sealed record RolesRun(ValueList<string> Roles, string? Host);
