using System.Text.Json;

namespace FirewallKit.Core.Validation;

/// <summary>
/// Reads one kind of fwkit JSON file (catalog, profile, rule set, backup): <see cref="JsonInput"/>
/// turns the bytes into a document, or into an <see cref="InputException"/>; the reader given
/// turns the document into the typed value.
/// </summary>
public sealed class JsonFileReader<T>(Func<string, JsonElement, T> read)
{
    public T Load(string path)
    {
        using var document = JsonInput.Read(path);
        return read(path, document.RootElement);
    }

    /// <param name="file">What errors name as the file.</param>
    public T Parse(string file, byte[] json)
    {
        using var document = JsonInput.Parse(file, json);
        return read(file, document.RootElement);
    }
}
