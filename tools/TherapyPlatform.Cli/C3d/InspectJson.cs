using System.Text.Encodings.Web;
using System.Text.Json;
using TherapyPlatform.C3d;

namespace TherapyPlatform.Cli.C3d;

/// <summary>
/// The JSON form: exactly the keys of an expected.json entry. A blank label and the min/max of an empty channel
/// are null, an unknown analog rate is null; <c>--params</c> adds a "parameters" object.
/// </summary>
public static class InspectJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, InspectReport report, C3dParameters? parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("size", report.Size);
            json.WriteString("processor", report.Processor);
            json.WriteBoolean("float", report.IsFloat);
            json.WriteBoolean("unsigned_analog", report.IsUnsignedAnalog);
            json.WriteNumber("points", report.Points);
            WriteNullable(json, "point_rate", report.PointRate);
            WriteNullable(json, "analog_rate", report.AnalogRate > 0 ? report.AnalogRate : null);
            json.WriteNumber("frames", report.Frames);
            json.WriteStartArray("groups");
            foreach (var group in report.Groups)
            {
                json.WriteStringValue(group);
            }

            json.WriteEndArray();
            json.WriteStartArray("analog");
            foreach (var channel in report.Analog)
            {
                WriteChannel(json, channel);
            }

            json.WriteEndArray();
            if (parameters is not null)
            {
                WriteParameters(json, parameters);
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteError(TextWriter output, string reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("error", reason);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteChannel(Utf8JsonWriter json, ChannelStatistics channel)
    {
        json.WriteStartObject();
        if (channel.Label.Length == 0)
        {
            json.WriteNull("label");
        }
        else
        {
            json.WriteString("label", channel.Label);
        }

        json.WriteNumber("n", channel.Count);
        WriteNullable(json, "sum", channel.Sum);
        WriteNullable(json, "sum_abs", channel.SumAbs);
        WriteNullable(json, "min", channel.Min);
        WriteNullable(json, "max", channel.Max);
        json.WriteStartArray("first");
        foreach (var value in channel.First)
        {
            WriteNumberValue(json, value);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter json, C3dParameters parameters)
    {
        json.WriteStartObject("parameters");
        foreach (var group in parameters.Groups)
        {
            json.WriteStartObject(group.Name);
            foreach (var parameter in group.Parameters)
            {
                json.WriteStartArray(parameter.Name);
                if (parameter.Type == C3dParameterType.Char)
                {
                    foreach (var text in parameter.GetStrings())
                    {
                        json.WriteStringValue(text);
                    }
                }
                else
                {
                    foreach (var value in parameter.GetNumbers())
                    {
                        WriteNumberValue(json, value);
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } number)
        {
            WriteNumberValue(json, number);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>JSON has no NaN or infinity: a damaged file's non-finite values are written as null.</summary>
    private static void WriteNumberValue(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
