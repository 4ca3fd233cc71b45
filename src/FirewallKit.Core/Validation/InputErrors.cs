using System.Globalization;

namespace FirewallKit.Core.Validation;

/// <summary>Collects every error of one file so the user sees all of them at once, not one per run.</summary>
public sealed class InputErrors(string file)
{
    private readonly List<InputError> _errors = [];

    public string File { get; } = file;

    public bool Any => _errors.Count > 0;

    public int Count => _errors.Count;

    public void Add(string path, string message, string fix) => _errors.Add(new InputError(File, path, message, fix));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InputException(_errors.ToList());
        }
    }

    /// <summary>
    /// As <see cref="ThrowIfAny"/>, but a file with more than <paramref name="shown"/> errors is reported as one line with
    /// the count, then the first <paramref name="shown"/>: a wrong file then reads as one problem, not a flood.
    /// </summary>
    public void ThrowSummaryIfAny(int shown = 3)
    {
        if (_errors.Count <= shown)
        {
            ThrowIfAny();
            return;
        }

        var summary = new InputError(File, _errors[0].Path, string.Create(CultureInfo.InvariantCulture, $"{_errors.Count:N0} errors; the first {shown} follow"), _errors[0].Fix);
        throw new InputException([summary, .. _errors.Take(shown)]);
    }
}
