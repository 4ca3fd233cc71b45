namespace FirewallKit.Core.Apply;

/// <summary>
/// A rule in fwkit's group that fwkit leaves alone: one it does not own, or one it cannot
/// represent (an outbound, ICMP or any-protocol rule, a list it cannot read). <see cref="Reason"/>
/// says which, in a phrase that follows the rule's name ("is an outbound rule").
/// </summary>
public sealed record ForeignRule(string Name, string Reason);
