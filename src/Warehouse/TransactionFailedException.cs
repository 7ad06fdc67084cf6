namespace Analytics.Warehouse;

/// <summary>
/// A transaction whose work failed and whose rollback failed after it. The message is the work's own error (the
/// cause a person can act on); the rollback's failure is kept in <see cref="RollbackError"/>.
/// </summary>
public sealed class TransactionFailedException(Exception failure, Exception rollback)
    : InvalidOperationException(FirstLine(failure) + $" (the rollback that followed failed too: {FirstLine(rollback)})", failure)
{
    public Exception RollbackError { get; } = rollback;

    private static string FirstLine(Exception ex) => ex.Message.Split('\n')[0].Trim();
}
