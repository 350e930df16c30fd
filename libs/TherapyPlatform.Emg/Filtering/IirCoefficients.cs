namespace TherapyPlatform.Emg.Filtering;

/// <summary>Transfer function coefficients b (numerator) and a (denominator, a[0] = 1) of a digital filter.</summary>
public sealed record IirCoefficients(IReadOnlyList<double> B, IReadOnlyList<double> A);
