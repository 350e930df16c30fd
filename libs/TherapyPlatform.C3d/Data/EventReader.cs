namespace TherapyPlatform.C3d;

/// <summary>
/// Events from EVENT:USED/LABELS/CONTEXTS/DESCRIPTIONS/TIMES (TIMES is [2, n]: minutes, seconds), or, when the
/// file has no such group, from the header's table of up to 18 events (key 12345 at byte 298).
/// </summary>
internal static class EventReader
{
    private const int HeaderEventKey = 12345;
    private const int MaxHeaderEvents = 18;

    public static C3dEvent[] Read(ReadOnlySpan<byte> file, C3dParameters parameters, C3dNumbers numbers) =>
        parameters.Find("EVENT", "TIMES") is { Type: not C3dParameterType.Char } times
            ? FromParameters(parameters, times)
            : FromHeader(file, numbers);

    private static C3dEvent[] FromParameters(C3dParameters parameters, C3dParameter times)
    {
        var used = parameters.Find("EVENT", "USED") is { Type: not C3dParameterType.Char, Count: > 0 } u
            ? (ushort)u.GetNumber()
            : times.Count / 2;
        var count = Math.Min(used, times.Count / 2);
        var labels = Strings(parameters, "LABELS", count);
        var contexts = Strings(parameters, "CONTEXTS", count);
        var descriptions = Strings(parameters, "DESCRIPTIONS", count);
        var events = new C3dEvent[count];
        for (var i = 0; i < count; i++)
        {
            var seconds = times.GetNumber(2 * i) * 60 + times.GetNumber(2 * i + 1);
            events[i] = new C3dEvent(labels[i], seconds, contexts[i], descriptions[i]);
        }

        return events;
    }

    private static string[] Strings(C3dParameters parameters, string name, int count)
    {
        var strings = new string[count];
        var stored = parameters.Find("EVENT", name) is { Type: C3dParameterType.Char } p ? p.GetStrings() : [];
        for (var i = 0; i < count; i++)
        {
            strings[i] = i < stored.Count ? stored[i] : string.Empty;
        }

        return strings;
    }

    private static C3dEvent[] FromHeader(ReadOnlySpan<byte> header, C3dNumbers numbers)
    {
        if (numbers.Int16(header[298..]) != HeaderEventKey)
        {
            return [];
        }

        var count = Math.Min((int)numbers.UInt16(header[300..]), MaxHeaderEvents);
        var events = new C3dEvent[count];
        for (var i = 0; i < count; i++)
        {
            var time = numbers.Single(header[(304 + 4 * i)..]);
            var label = TextCodec.DecodeTrimmed(header.Slice(396 + 4 * i, 4));
            events[i] = new C3dEvent(label, time);
        }

        return events;
    }
}
