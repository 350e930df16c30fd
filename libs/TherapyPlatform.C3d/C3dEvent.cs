namespace TherapyPlatform.C3d;

/// <summary>An event from the EVENT group (or, without one, from the header's event table).</summary>
public sealed record C3dEvent(string Label, double TimeSeconds, string Context = "", string Description = "");
