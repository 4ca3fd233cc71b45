using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Rules;

/// <summary>
/// How one rule field is spelled in each representation Windows and fwkit have: the plan contract's key, the
/// INetFwRule property (<paramref name="Com"/>), the New-/Set-NetFirewallRule parameter (<paramref name="NetSecurity"/>;
/// a condition's readback and reset are in <paramref name="NetSecurityConditions"/>), the <c>netsh advfirewall firewall</c>
/// keyword, and the key(s) of the Group Policy rule string ([MS-GPFAS] 2.2.2.19). Null where that representation has none.
/// </summary>
public sealed record RuleFieldSpelling(
    string? Com = null,
    string? NetSecurity = null,
    string? Netsh = null,
    string? RuleString = null,
    ValueList<NetSecurityCondition>? NetSecurityConditions = null)
{
    public ValueList<NetSecurityCondition> Conditions => NetSecurityConditions ?? ValueList<NetSecurityCondition>.Empty;
}
