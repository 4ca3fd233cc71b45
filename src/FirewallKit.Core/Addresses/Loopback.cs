
namespace FirewallKit.Core.Addresses;

/// <summary>
/// The loopback addresses. Windows does not filter loopback, so the evaluator lets them through; with the
/// unspecified address they make <see cref="OutsideRules"/>, which no rule names.
/// </summary>
public static class Loopback
{
    public static readonly AddressSet Addresses = AddressSet.Parse("127.0.0.0/8", "::1");
}
