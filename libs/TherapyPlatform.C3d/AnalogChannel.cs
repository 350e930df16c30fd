namespace TherapyPlatform.C3d;

/// <summary>One analog channel: its trimmed label and samples scaled as (raw - OFFSET) x SCALE x GEN_SCALE.</summary>
public sealed record AnalogChannel(string Label, double[] Samples);
