using FirewallKit.Core.Evaluation;
namespace FirewallKit.Core.Audit;

/// <summary>
/// Where the audit gets a machine's firewall from: a saved dump (<see cref="RuleDump"/>), or the live machine.
/// <para>
/// The live reader (Windows adapter) must return what Windows actually enforces, because the audit decides as Windows does:
/// </para>
/// <list type="bullet">
/// <item><b>Every rule of the active policy, from every store</b>: the local store, every applied GPO, and the stores Windows
/// merges itself (Dynamic, Generated, Hardcoded, MDM), not only fwkit's group. Set <see cref="StoredRule.Store"/> from the
/// rule's source (CIM <c>PolicyStoreSourceType</c> of <c>MSFT_NetFirewallRule</c> in <c>ActiveStore</c>): a local rule is
/// ignored in a profile whose GPO does not honour local rules, so <see cref="RuleStore.Unknown"/> there makes the audit count
/// rules Windows ignores. Whether COM's <c>INetFwPolicy2.Rules</c> includes GPO rules is not confirmed; the CIM active
/// store does include them, with each rule's source. Outbound and disabled rules may be returned
/// too: the evaluator skips them, and names a disabled rule that would have changed a port's reach.</item>
/// <item><b>Each profile's state</b> in <see cref="ObservedFirewall.Profiles"/>, one <see cref="ProfileState"/> for each of
/// Domain, Private and Public with <see cref="ProfileState.Known"/> true: enabled (<c>FirewallEnabled[profile]</c>),
/// default inbound action (<c>DefaultInboundAction[profile]</c>), whether allow rules count at all
/// (<c>BlockAllInboundTraffic[profile]</c>, shields up, is <see cref="ProfileState.AllowInboundRules"/> false), and whether
/// local rules are honoured under Group Policy (<see cref="ProfileState.AllowLocalRules"/>: <c>AllowLocalFirewallRules</c> of
/// <c>Get-NetFirewallProfile -PolicyStore ActiveStore</c>; COM's <c>LocalPolicyModifyState</c> only tells it for the
/// profiles active now).</item>
/// <item>Each rule's fields that change what it matches: program and service (the audit asks whether the listener is
/// that program), local and remote addresses in the core's sets (keywords kept as keywords), remote ports, interface
/// types, IPsec security. <see cref="StoredRule.Location"/> should let an admin find the rule (its ID in the store).</item>
/// </list>
/// <para>
/// <see cref="ObservedFirewall.Format"/> is <c>live</c> and <see cref="ObservedFirewall.Source"/> the machine's name.
/// The listeners come apart, from an <see cref="IListenerSource"/>; a Windows one that knows each socket's process
/// lets program-scoped rules be decided instead of reported as conditional.
/// </para>
/// </summary>
public interface IRuleSource
{
    /// <exception cref="Validation.InputException">A saved rule set is not a valid dump; the errors name the file, line and fix.</exception>
    /// <exception cref="Apply.FirewallStoreException">The live firewall cannot be read; the message says why and what to do.</exception>
    ObservedFirewall Read();
}
