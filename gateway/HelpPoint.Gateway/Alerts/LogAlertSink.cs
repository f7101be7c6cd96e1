namespace HelpPoint.Gateway.Alerts;

/// <summary>Writes every alert to the log, where monitoring that watches logs picks it up.</summary>
public sealed class LogAlertSink(ILogger<LogAlertSink> logger) : IAlertSink
{
    public string Name => "log";

    public Task DeliverAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Cleared)
        {
            logger.LogInformation("Alert cleared at {Branch}: {Device} is heard from again", notice.Alert.Branch, notice.Alert.Device);
        }
        else
        {
            logger.LogWarning("Alert at {Branch} for {Count} manager(s): {Message}", notice.Alert.Branch, notice.Recipients.Count, notice.Alert.Message);
        }

        return Task.CompletedTask;
    }
}
