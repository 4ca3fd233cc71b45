using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Apply;

/// <summary>The rules fwkit owned before it changed anything, enough to put them back (<c>fwkit rollback</c>).</summary>
public sealed record RuleBackup(
    RuleOwnership Ownership,
    DateTimeOffset CreatedUtc,
    string Operation,
    ValueList<FirewallRule> Rules)
{
    /// <summary>The version of the backup file's JSON contract; its <c>rules</c> are in the plan contract's form.</summary>
    public const string ContractVersion = "fwkit.backup/1";

    /// <summary>The catalog version whose ports the rules may use; null in backups written before it was recorded.</summary>
    public string? CatalogVersion { get; init; }
}
