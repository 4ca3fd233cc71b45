using System.Text;
using FirewallKit.Cli.Views;

namespace FirewallKit.Tests.Cli.Views;

public class TextTableTests
{
    private static readonly string[] Cells = ["", " ", "80", "TCP 5200", "pon-pas-1", "a long flow name → CPS", "tab\there", "bidi\u202Eoverride", "trailing  ", "ünïcode", "x"];

    /// <summary>Redirected output writes rows straight into the text; it must read as the wrapping layout does when nothing wraps.</summary>
    [Test]
    public void Unwrapped_rows_read_as_a_terminal_too_wide_to_wrap_them_shows_them()
    {
        var random = new Random(6310);
        for (var round = 0; round < 300; round++)
        {
            var columns = random.Next(1, 6);
            var header = Enumerable.Range(0, columns).Select(i => $"COL{i}").ToArray();
            var rows = Enumerable.Range(0, random.Next(0, 8)).Select(_ => Enumerable.Range(0, columns).Select(_ => Cells[random.Next(Cells.Length)]).ToArray()).ToList();
            var (unwrapped, wide) = (new StringBuilder("title\n"), new StringBuilder("title\n"));

            TextTable.Append(unwrapped, header, rows);
            TextTable.Append(wide, header, rows, width: 100_000);

            Assert.That(unwrapped.ToString(), Is.EqualTo(wide.ToString()), $"round {round}");
        }
    }
}
