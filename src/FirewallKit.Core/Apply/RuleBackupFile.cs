using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
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

    private static readonly string[] TopFields = ["contract", "group", "namePrefix", "catalogVersion", "createdUtc", "operation", "rules"];

    public static string ToJson(RuleBackup backup) => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("contract", RuleBackup.ContractVersion);
        writer.WriteString("group", backup.Ownership.Group);
        writer.WriteString("namePrefix", backup.Ownership.NamePrefix);
        if (backup.CatalogVersion is { } version)
        {
            writer.WriteString("catalogVersion", version);
        }

        writer.WriteString("createdUtc", backup.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteString("operation", backup.Operation);
        writer.WriteStartArray("rules");
        foreach (var rule in backup.Rules)
        {
            PlanContract.WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
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
        var catalogVersion = top.String("catalogVersion");
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
            else if (HasPortNumbers(rule) && !IsIdForm(rule, prefix))
            {
                errors.Add(path + ".name", $"'{rule.Name}' is not a name fwkit gives a rule: {prefix}-<tcp|udp>-<first port>-<allow|block|block-others>[-<part>], matching the rule's protocol, first port and action", "fwkit restores only rules it could have written: " + fix);
            }

            if (!rule.Description.Contains(RuleText.ManagedMarker, StringComparison.Ordinal))
            {
                errors.Add(path + ".description", $"the rule does not carry fwkit's marker '{RuleText.ManagedMarker}'", "fwkit restores only rules it wrote: " + fix);
            }

            if (!HasPortNumbers(rule))
            {
                errors.Add(path + ".localPorts", $"'{string.Join(",", rule.LocalPorts.ToTokens())}' is not a list of port numbers", "fwkit writes ports from 1 to 65535: " + fix);
            }

            CheckPrintable(errors, path + ".name", rule.Name, lineBreaks: false, fix);
            CheckPrintable(errors, path + ".displayName", rule.DisplayName, lineBreaks: false, fix);
            CheckPrintable(errors, path + ".group", rule.Group, lineBreaks: false, fix);
            CheckPrintable(errors, path + ".description", rule.Description, lineBreaks: true, fix);
            foreach (var (key, value) in rule.ExtraFields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                if (BackupExtraFields.Problem(key, value) is { } problem)
                {
                    errors.Add(path + ".extraFields." + key, problem, "fwkit restores only the fields of docs/windows.md, with the values Windows documents: " + fix);
                }
            }
        }

        errors.ThrowIfAny();
        return new RuleBackup(ownership, created, operation, [.. rules]) { CatalogVersion = catalogVersion };
    }

    /// <summary>
    /// The limits of one rollback: the group the deployment owns, and the ports its catalog (of the version the
    /// backup names) and its port overrides open or close. A backup may touch nothing else.
    /// </summary>
    public static void CheckScope(string file, RuleBackup backup, PortCatalog catalog, string group, IReadOnlyCollection<int> overrideTargets, bool profileGiven)
    {
        var errors = new InputErrors(file);
        var withProfile = profileGiven ? string.Empty : " (pass --profile with the deployment's profile when it sets ruleGroup or portOverrides)";
        if (backup.CatalogVersion is { } version && version != catalog.CatalogVersion)
        {
            errors.Add("$.catalogVersion", $"the backup was made with version '{version}' of the catalog, not '{catalog.CatalogVersion}'", "roll back with that version of the catalog: --catalog FILE");
        }

        if (backup.Ownership.Group != group)
        {
            errors.Add("$.group", $"'{backup.Ownership.Group}' is not the deployment's rule group ('{group}')", "roll back a backup of this deployment's group" + withProfile);
        }

        var known = catalog.Entries.SelectMany(e => e.Ports).Concat(overrideTargets).ToHashSet();
        for (var i = 0; i < backup.Rules.Count; i++)
        {
            var outside = backup.Rules[i].LocalPorts.Numbers.Intervals
                .SelectMany(r => r.End - r.Start < 1024 ? Enumerable.Range(r.Start, r.End - r.Start + 1) : [(int)r.Start, (int)r.End])
                .Where(p => !known.Contains(p))
                .ToList();
            if (outside.Count > 0)
            {
                errors.Add(JsonObjectReader.Index("$.rules", i) + ".localPorts",
                    $"port(s) {string.Join(", ", outside.Take(5).Select(p => p.ToString(CultureInfo.InvariantCulture)))}{(outside.Count > 5 ? ", ..." : string.Empty)} are neither ports of catalog '{catalog.Id}' {catalog.CatalogVersion} nor targets of the profile's port overrides",
                    "fwkit restores only rules for the product's ports" + withProfile);
            }
        }

        errors.ThrowIfAny();
    }

    private static bool HasPortNumbers(FirewallRule rule) =>
        !rule.LocalPorts.IsAny && rule.LocalPorts.Keywords.Length == 0 && !rule.LocalPorts.Numbers.IsEmpty;

    private static bool IsIdForm(FirewallRule rule, string prefix)
    {
        var match = Regex.Match(rule.Name, "^" + Regex.Escape(prefix) + @"-(tcp|udp)-([0-9]{1,5})-(allow|block|block-others)(?:-[1-9][0-9]{0,3})?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success
            && match.Groups[1].Value == RuleTerms.Protocol(rule.Protocol).ToLowerInvariant()
            && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) == rule.LocalPorts.Numbers.Intervals[0].Start
            && (match.Groups[3].Value == "allow") == (rule.Action == RuleAction.Allow);
    }

    private static void CheckPrintable(InputErrors errors, string path, string text, bool lineBreaks, string fix)
    {
        if (PrintableRuleText.FirstUnprintable(text, lineBreaks) is { } character)
        {
            errors.Add(path, $"the text contains the character {character} (a control, line break or bidirectional character)", "fwkit restores only text it could have written: " + fix);
        }
    }
}
