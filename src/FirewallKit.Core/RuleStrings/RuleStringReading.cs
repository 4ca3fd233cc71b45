using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.RuleStrings;

/// <summary>
/// A rule string read: the rule, the grammar version it was written in, and the fields fwkit does not interpret
/// (<c>Platform</c>, <c>TTK</c>, a key of a newer version), kept as written so they can be reported, never guessed at.
/// </summary>
public sealed record RuleStringReading(StoredRule Rule, RuleStringVersion Version, ValueList<RuleStringField> Unread);
