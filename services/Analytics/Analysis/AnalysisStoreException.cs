namespace TherapyPlatform.Analytics.Analysis;

/// <summary>A database failure during an analysis, reduced to its reason so that the bus can carry it in a fault.</summary>
public sealed class AnalysisStoreException : Exception
{
    public AnalysisStoreException()
    {
    }

    public AnalysisStoreException(string message)
        : base(message)
    {
    }

    public AnalysisStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
