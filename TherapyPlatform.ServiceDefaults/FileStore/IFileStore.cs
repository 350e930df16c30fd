namespace TherapyPlatform.ServiceDefaults.FileStore;

/// <summary>
/// Content-addressed storage of session files: a file is stored once under its SHA-256 (lower-case hex).
/// PostgreSQL by default; object storage can replace it behind this interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content under its hash; true when it was new, false when it was already there.</summary>
    Task<bool> SaveAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored content, or null when no file has that hash.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken);
}
