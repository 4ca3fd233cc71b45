using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Audit;

/// <summary>
/// One way reachability differs from the plan. <see cref="Certain"/> is false when it hangs on something only
/// the machine can resolve (a keyword, the listening program, ...); the audit still counts it, because it cannot
/// confirm the port matches. <see cref="Rules"/> name the rules that cause it.
/// </summary>
public sealed record Finding(FindingKind Kind, bool Certain, AddressSet Addresses, IReadOnlyList<AddressKeyword> Keywords, IReadOnlyList<string> Rules, string Message);
