namespace FirewallKit.Core.Rules;

/// <summary>
/// One condition as the NetSecurity cmdlets spell it: the Set-NetFirewallRule <paramref name="Parameter"/>, the value a
/// rule without it reads back as (<paramref name="Default"/>, in the exported script's canonical form), and the PowerShell
/// expression that puts it back (<paramref name="Reset"/>, typed as the parameter takes it).
/// </summary>
public sealed record NetSecurityCondition(string Parameter, string Default, string Reset);
