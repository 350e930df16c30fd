namespace TherapyPlatform.ServiceDefaults.Errors;

/// <summary>
/// An exception and its inner exceptions, outermost first: the failure that decides what to do is often wrapped
/// (Marten wraps Npgsql's, MassTransit and ASP.NET Core wrap both).
/// </summary>
public static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
