using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// The addresses of a keyword (LocalSubnet, DNS, Internet, ...) that a rule lets in or keeps out, limited to
/// <see cref="Within"/> by the literal rules around it. Only the machine knows the keyword's addresses, so the
/// audit says "some of these may" and never guesses which.
/// </summary>
public sealed record KeywordAudience(AddressKeyword Keyword, AddressSet Within, string Rule);
