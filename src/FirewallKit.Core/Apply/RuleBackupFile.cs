using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Apply;

/// <summary>
/// Backup files: JSON with <c>contract: "fwkit.backup/1"</c>, the ownership they cover, and the
/// rules in the plan contract's form, so <see cref="PlanContract"/> and outside tools read them like a plan.
/// A rollback creates and removes whatever the file says, so the file is checked as strictly as a plan:
/// the ownership must be fwkit's own (the catalog's prefix, a group fwkit can write), and every rule
/// one fwkit could have written (its marker, port numbers, a name used once).
/// </summary>
public static class RuleBackupFile
{
    /// <summary>Reads backups of the rules named with <paramref name="namePrefix"/>, the catalog's prefix.</summary>
    public static JsonFileReader<RuleBackup> Reader(string namePrefix) => new((file, root) => Read(file, root, namePrefix));

    private static readonly string[] TopFields = ["contract", "group", "namePrefix", "createdUtc", "operation", "rules"];

    public static string ToJson(RuleBackup backup) => JsonOutput.Write(new JsonObject
    {
        ["contract"] = RuleBackup.ContractVersion,
        ["group"] = backup.Ownership.Group,
        ["namePrefix"] = backup.Ownership.NamePrefix,
        ["createdUtc"] = backup.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["operation"] = backup.Operation,
        ["rules"] = new JsonArray([.. backup.Rules.Select(PlanContract.RuleToJson)]),
    });

    /// <summary>
    /// Writes a new file in <paramref name="directory"/> (created if needed) and returns its path.
    /// The name sorts by time and never overwrites an earlier backup.
    /// </summary>
    public static string Write(string directory, RuleBackup backup)
    {
        Directory.CreateDirectory(directory);
        var stamp = backup.CreatedUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var bytes = new UTF8Encoding(false).GetBytes(ToJson(backup));
        for (var attempt = 1; ; attempt++)
        {
            var suffix = attempt == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"-{attempt}");
            var path = Path.GetFullPath(Path.Combine(directory, $"fwkit-backup-{stamp}-{backup.Operation}{suffix}.json"));
            try
            {
                // CreateNew: two runs in the same second must not overwrite each other's backup.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
                return path;
            }
            catch (IOException) when (File.Exists(path) && attempt < 100)
            {
            }
        }
    }

    private static RuleBackup Read(string file, JsonElement root, string expectedPrefix)
    {
        const string fix = "use a backup file written by `fwkit apply`, `fwkit remove` or `fwkit rollback`";
        var errors = new InputErrors(file);
        var top = JsonObjectReader.Open(root, "$", errors, TopFields, "a backup");
        if (top is null)
        {
            errors.ThrowIfAny();
        }

        var contract = top!.String("contract", required: true, fix: fix);
        if (contract is not null && contract != RuleBackup.ContractVersion)
        {
            errors.Add("$.contract", $"'{contract}' is not a backup contract fwkit reads", contract.StartsWith("fwkit.plan/", StringComparison.Ordinal) ? "a plan is not a backup: " + fix : fix);
        }

        var group = top.String("group", required: true, fix: fix) ?? string.Empty;
        var prefix = top.String("namePrefix", required: true, fix: fix) ?? string.Empty;
        var created = DateTimeOffset.MinValue;
        if (top.String("createdUtc") is { } createdText
            && !DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out created))
        {
            errors.Add("$.createdUtc", $"'{createdText}' is not a date and time", "write it as 2026-01-31T12:00:00Z");
        }

        var operation = top.String("operation") ?? "apply";
        errors.ThrowIfAny();

        // '@file.dll,-id' is how Windows names its own rule groups; fwkit never writes one.
        var ownGroup = RuleText.IsValidGroup(group) && !group.StartsWith('@');
        if (prefix != expectedPrefix)
        {
            if (ownGroup)
            {
                // A backup of fwkit's in a group it can write, under another prefix: most likely another catalog wrote it.
                throw new BackupPrefixException(file, prefix, expectedPrefix);
            }

            errors.Add("$.namePrefix", $"'{prefix}' is not the rule name prefix fwkit writes ('{expectedPrefix}')", "fwkit restores only rules it owns: " + fix);
        }

        if (!ownGroup)
        {
            errors.Add("$.group", $"'{group}' is not a rule group fwkit writes", "fwkit restores only rules it owns: " + fix);
        }

        errors.ThrowIfAny();

        var rules = PlanContract.ReadRules(file, root);
        var ownership = new RuleOwnership(group, prefix);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            var path = JsonObjectReader.Index("$.rules", i);
            var rule = rules[i];
            if (rule.Group != group)
            {
                errors.Add(path + ".group", $"the rule is in group '{rule.Group}', not the backup's group '{group}'", "a backup holds only the rules of its own group: " + fix);
            }
            else if (!ownership.OwnsName(rule.Name))
            {
                errors.Add(path + ".name", $"'{rule.Name}' does not start with the backup's prefix '{prefix}-'", "fwkit restores only rules it owns: " + fix);
            }
            else if (!names.Add(rule.Name))
            {
                // Windows keeps rule names case-insensitively unique.
                errors.Add(path + ".name", $"the rule name '{rule.Name}' is used twice", "a backup holds each rule once: " + fix);
            }

            if (!rule.Description.Contains(RuleText.ManagedMarker, StringComparison.Ordinal))
            {
                errors.Add(path + ".description", $"the rule does not carry fwkit's marker '{RuleText.ManagedMarker}'", "fwkit restores only rules it wrote: " + fix);
            }

            if (rule.LocalPorts.IsAny || rule.LocalPorts.Keywords.Length > 0 || rule.LocalPorts.Numbers.IsEmpty)
            {
                errors.Add(path + ".localPorts", $"'{string.Join(",", rule.LocalPorts.ToTokens())}' is not a list of port numbers", "fwkit writes ports from 1 to 65535: " + fix);
            }
        }

        errors.ThrowIfAny();
        return new RuleBackup(ownership, created, operation, [.. rules]);
    }
}
