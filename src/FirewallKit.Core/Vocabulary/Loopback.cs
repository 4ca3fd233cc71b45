using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Vocabulary;

/// <summary>
/// The loopback addresses. Windows does not filter loopback, and rejects IPv6 loopback in rules, so
/// the planner leaves them out of complements and the evaluator lets them through.
/// </summary>
public static class Loopback
{
    public static readonly AddressSet Addresses = AddressSet.Parse("127.0.0.0/8", "::1");
}
