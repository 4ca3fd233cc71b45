namespace FirewallKit.Core.Audit;

/// <summary>
/// The lines of a dump, read from a <see cref="TextReader"/> one at a time into a reused buffer, so a dump of
/// hundreds of thousands of lines never exists as one string, a copy of it and an array of its lines at once.
/// Lines end at <c>\n</c> only, exactly as <c>Split('\n')</c> cuts them: a lone <c>\r</c> stays in its line (the
/// caller trims a <c>\r</c> before the <c>\n</c> with the rest of the line's trailing space), and text that ends
/// with a line break has an empty last line.
/// </summary>
internal sealed class DumpLines(TextReader reader)
{
    private const int StartChars = 64 * 1024;

    private char[] _buffer = new char[StartChars];
    private int _start;
    private int _end;

    // How far past _start a line break has been looked for: a line longer than the buffer is scanned once, not again after each read.
    private int _scanned;
    private bool _endOfText;
    private bool _done;
    private List<string>? _head;
    private int _headIndex;

    /// <summary>The first <paramref name="count"/> lines (fewer when the text is shorter), which <see cref="TryRead"/> then returns first; call it before reading.</summary>
    public IReadOnlyList<string> Head(int count)
    {
        if (_head is not null || _headIndex > 0)
        {
            throw new InvalidOperationException("The head is read once, before any line.");
        }

        var head = new List<string>(count);
        while (head.Count < count && Next(out var line))
        {
            head.Add(line.ToString());
        }

        _head = head;
        return head;
    }

    /// <summary>The next line, valid until the next call; false after the last.</summary>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        if (_head is { } head && _headIndex < head.Count)
        {
            line = head[_headIndex++];
            return true;
        }

        return Next(out line);
    }

    private bool Next(out ReadOnlySpan<char> line)
    {
        if (_done)
        {
            line = default;
            return false;
        }

        while (true)
        {
            var newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf('\n');
            if (newline >= 0)
            {
                line = _buffer.AsSpan(_start, _scanned + newline);
                _start += _scanned + newline + 1;
                _scanned = 0;
                return true;
            }

            _scanned = _end - _start;
            if (_endOfText)
            {
                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                _done = true;
                return true;
            }

            Fill();
        }
    }

    private void Fill()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
        }

        _start = 0;
        _end = pending;
        var read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfText = true;
        }

        _end += read;
    }
}
