using System.Globalization;
using System.Runtime.InteropServices;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// What LocalPorts/RemotePorts accept: <c>*</c> (also for null or empty), or a comma list of
/// ports, ranges <c>a-b</c> and, for local ports, the keywords RPC, RPC-EPMap, IPHTTPS, Teredo,
/// Ply2Disc. Read back in input order, numbers without leading zeros, keywords in their spelling.
/// </summary>
internal static class FakePortList
{
    private static readonly string[] LocalKeywords = ["RPC", "RPC-EPMap", "IPHTTPS", "Teredo", "Ply2Disc"];

    public const string Any = "*";

    public static string Normalize(string? text, bool local)
    {
        if (string.IsNullOrEmpty(text) || text == Any)
        {
            return Any;
        }

        var tokens = text.Split(',');
        if (tokens.Length > FakeAddressList.MaxEntriesPerList)
        {
            throw new COMException($"more than {FakeAddressList.MaxEntriesPerList} ports", ComErrors.InvalidArgument);
        }

        return string.Join(",", tokens.Select(token => Token(token, local)));
    }

    private static string Token(string token, bool local)
    {
        var keyword = local ? Array.Find(LocalKeywords, k => string.Equals(k, token, StringComparison.OrdinalIgnoreCase)) : null;
        if (keyword is not null)
        {
            return keyword;
        }

        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Port(token).ToString(CultureInfo.InvariantCulture);
        }

        var (start, end) = (Port(token[..dash]), Port(token[(dash + 1)..]));
        return start <= end
            ? string.Create(CultureInfo.InvariantCulture, $"{start}-{end}")
            : throw new COMException($"'{token}' is not a port range", ComErrors.InvalidArgument);
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= ushort.MaxValue
            ? port
            : throw new COMException($"'{text}' is not a port", ComErrors.InvalidArgument);
}
