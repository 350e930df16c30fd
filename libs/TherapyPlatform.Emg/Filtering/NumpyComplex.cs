namespace TherapyPlatform.Emg.Filtering;

/// <summary>
/// The complex arithmetic of numpy (plain products, Smith's division), so the Butterworth design rounds
/// like scipy.signal.butter. System.Numerics.Complex divides with another formula.
/// </summary>
internal readonly record struct NumpyComplex(double Re, double Im)
{
    public static NumpyComplex operator +(NumpyComplex x, NumpyComplex y) => new(x.Re + y.Re, x.Im + y.Im);

    public static NumpyComplex operator -(NumpyComplex x, NumpyComplex y) => new(x.Re - y.Re, x.Im - y.Im);

    public static NumpyComplex operator -(NumpyComplex x) => new(-x.Re, -x.Im);

    public static NumpyComplex operator *(NumpyComplex x, NumpyComplex y) =>
        new((x.Re * y.Re) - (x.Im * y.Im), (x.Re * y.Im) + (x.Im * y.Re));

    public static NumpyComplex operator /(NumpyComplex x, NumpyComplex y)
    {
        if (Math.Abs(y.Re) >= Math.Abs(y.Im))
        {
            var ratio = y.Im / y.Re;
            var scale = 1.0 / (y.Re + (y.Im * ratio));
            return new((x.Re + (x.Im * ratio)) * scale, (x.Im - (x.Re * ratio)) * scale);
        }
        else
        {
            var ratio = y.Re / y.Im;
            var scale = 1.0 / (y.Im + (y.Re * ratio));
            return new(((x.Re * ratio) + x.Im) * scale, ((x.Im * ratio) - x.Re) * scale);
        }
    }

    public static implicit operator NumpyComplex(double re) => new(re, 0);

    public static NumpyComplex Exp(NumpyComplex x)
    {
        var magnitude = Math.Exp(x.Re);
        return new(magnitude * Math.Cos(x.Im), magnitude * Math.Sin(x.Im));
    }

    /// <summary>numpy.prod: the first value times the others in order (1 for none).</summary>
    public static NumpyComplex Product(ReadOnlySpan<NumpyComplex> values)
    {
        if (values.IsEmpty)
        {
            return 1.0;
        }

        var product = values[0];
        foreach (var value in values[1..])
        {
            product *= value;
        }

        return product;
    }
}
