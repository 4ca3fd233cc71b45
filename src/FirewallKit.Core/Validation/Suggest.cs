namespace FirewallKit.Core.Validation;

/// <summary>"Did you mean" hints for misspelt names.</summary>
public static class Suggest
{
    public static string Fix(string given, IEnumerable<string> known, string what)
    {
        var candidates = known.ToList();
        var closest = candidates
            .Select(name => (name, distance: Distance(given.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(x => x.distance <= Math.Max(2, given.Length / 3))
            .OrderBy(x => x.distance)
            .Select(x => x.name)
            .FirstOrDefault();
        var list = string.Join(", ", candidates);
        return closest is null
            ? $"use one of the known {what}: {list}"
            : $"did you mean '{closest}'? Known {what}: {list}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
