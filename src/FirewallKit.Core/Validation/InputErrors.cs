namespace FirewallKit.Core.Validation;

/// <summary>Collects every error of one file so the user sees all of them at once, not one per run.</summary>
public sealed class InputErrors(string file)
{
    private readonly List<InputError> _errors = [];

    public string File { get; } = file;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message, string fix) => _errors.Add(new InputError(File, path, message, fix));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new InputException(_errors.ToList());
        }
    }
}
