using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Apply;

/// <summary>
/// The apply transaction over any <see cref="IFirewallStore"/>: read the owned rules, diff, back
/// them up to a file, write only the differences, read back and verify; on any failure restore
/// the backup and verify the restore. Apply, remove (nothing desired) and rollback (the backup's
/// rules desired) are all this one transaction.
/// </summary>
public sealed class RuleApplier(IFirewallStore store, TimeProvider clock)
{
    /// <summary>What the firewall holds against <paramref name="desired"/>, without writing.</summary>
    public ApplyResult Compare(IReadOnlyList<FirewallRule> desired, RuleOwnership ownership)
    {
        CheckOwned(desired, ownership);
        if (!TryPrepare(ref desired, out var refusal))
        {
            return new ApplyResult(OperationStatus.Blocked, null, Error: refusal);
        }

        if (!TryRead(ownership, out var held, out var foreign, out var error))
        {
            return new ApplyResult(OperationStatus.Blocked, null, Error: error);
        }

        var diff = RuleDiff.Compute(desired, held);
        return new ApplyResult(diff.HasWrites ? OperationStatus.Drift : OperationStatus.InSync, diff, ForeignRules: foreign);
    }

    /// <param name="operation">apply, remove or rollback: recorded in the backup and its file name.</param>
    /// <param name="catalogVersion">The catalog's version, recorded in the backup: a rollback accepts only that catalog's ports.</param>
    public ApplyResult Apply(IReadOnlyList<FirewallRule> desired, RuleOwnership ownership, string operation, string backupDirectory, bool dryRun, string? catalogVersion = null)
    {
        CheckOwned(desired, ownership);
        if (!TryPrepare(ref desired, out var refusal))
        {
            return new ApplyResult(OperationStatus.Blocked, null, Error: refusal);
        }

        if (!TryRead(ownership, out var before, out var foreign, out var readError))
        {
            return new ApplyResult(OperationStatus.Blocked, null, Error: readError);
        }

        var diff = RuleDiff.Compute(desired, before);
        if (dryRun || !diff.HasWrites)
        {
            return new ApplyResult(dryRun ? OperationStatus.DryRun : OperationStatus.NoChanges, diff, ForeignRules: foreign);
        }

        string backupPath;
        try
        {
            backupPath = RuleBackupFile.Write(backupDirectory, new RuleBackup(ownership, clock.GetUtcNow(), operation, [.. before]) { CatalogVersion = catalogVersion });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ApplyResult(OperationStatus.Blocked, diff, Error: $"could not write the backup to '{backupDirectory}' ({ex.Message}); nothing was changed", ForeignRules: foreign);
        }

        try
        {
            Converge(desired, ownership, diff);
            return new ApplyResult(OperationStatus.Applied, diff, backupPath, ForeignRules: foreign);
        }
#pragma warning disable CA1031 // Whatever failed while writing, the firewall must be put back.
        catch (Exception ex)
        {
            try
            {
                Converge(before, ownership, RuleDiff.Compute(before, ReadOwned(ownership).Rules));
                return new ApplyResult(OperationStatus.RolledBack, diff, backupPath, ex.Message, ForeignRules: foreign);
            }
            catch (Exception restoreError)
            {
                return new ApplyResult(OperationStatus.RollbackFailed, diff, backupPath, ex.Message, restoreError.Message, foreign);
            }
        }
#pragma warning restore CA1031
    }

    /// <summary>Executes the writes, then reads back and throws unless the firewall now holds <paramref name="desired"/>.</summary>
    private void Converge(IReadOnlyList<FirewallRule> desired, RuleOwnership ownership, RuleDiff diff)
    {
        foreach (var change in diff.Writes)
        {
            switch (change.Kind)
            {
                case RuleChangeKind.Create:
                    store.Add(change.Desired!);
                    break;
                case RuleChangeKind.Update:
                    store.Update(change.Desired!);
                    break;
                case RuleChangeKind.Delete:
                    store.Remove(ownership.Group, change.Name);
                    break;
            }
        }

        var remaining = RuleDiff.Compute(desired, ReadOwned(ownership).Rules);
        if (remaining.HasWrites)
        {
            var names = remaining.Writes.Select(c => $"{c.Name} ({c.Kind.ToString().ToLowerInvariant()} still needed)").Distinct();
            throw new FirewallStoreException("the firewall did not hold the rules after writing them: " + string.Join(", ", names));
        }
    }

    /// <summary>The desired rules in the store's own forms, or why the store cannot hold one: checked before anything is written.</summary>
    private bool TryPrepare(ref IReadOnlyList<FirewallRule> desired, out string? refusal)
    {
        try
        {
            desired = store.Prepare(desired);
            refusal = null;
            return true;
        }
        catch (FirewallStoreException ex)
        {
            refusal = ex.Message + "; nothing was changed";
            return false;
        }
    }

    private bool TryRead(RuleOwnership ownership, out IReadOnlyList<FirewallRule> owned, out ValueList<ForeignRule> foreign, out string? error)
    {
        try
        {
            (owned, foreign) = ReadOwned(ownership);
            error = null;
            return true;
        }
#pragma warning disable CA1031 // Nothing was written yet: any failure to read is reported, not thrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            (owned, foreign) = ([], []);
            error = $"could not read the firewall rules of group '{ownership.Group}': {ex.Message}";
            return false;
        }
    }

    /// <summary>The group's rules fwkit owns, and the ones it leaves alone: not its own, or not representable.</summary>
    private (IReadOnlyList<FirewallRule> Rules, ValueList<ForeignRule> Foreign) ReadOwned(RuleOwnership ownership)
    {
        var listing = store.List(ownership.Group);
        var owned = listing.Rules.Where(ownership.Owns).ToList();
        var notOwned = listing.Rules
            .Where(rule => !ownership.Owns(rule))
            .Select(rule => new ForeignRule(rule.Name, $"is not fwkit's (no '{ownership.NamePrefix}-' name, no fwkit marker)"));
        return (owned, [.. notOwned, .. listing.Unrepresentable]);
    }

    private static void CheckOwned(IReadOnlyList<FirewallRule> desired, RuleOwnership ownership)
    {
        var stray = desired.FirstOrDefault(r => !ownership.Owns(r));
        if (stray is not null)
        {
            throw new ArgumentException($"Rule '{stray.Name}' in group '{stray.Group}' is not owned by group '{ownership.Group}' and prefix '{ownership.NamePrefix}'.", nameof(desired));
        }
    }
}
