using System.Diagnostics;
using System.Threading.Channels;
using HelpPoint.Domain.Requests;
using HelpPoint.Gateway.Requests;
using Microsoft.Extensions.Options;

namespace HelpPoint.Gateway.Notifications.Channels;

/// <summary>
/// Takes staff notices from the announcer and delivers each to its users on every channel the deployment offers and the
/// host has turned on, in the background so routing never waits for a push service. Every try is recorded; a failed try
/// (network, 429, 5xx) is repeated with growing waits while the notice still matters (an offer still offered to the host).
/// </summary>
public sealed class DeliveryDispatcher(
    IEnumerable<IDeliveryChannel> channels,
    NotificationStore store,
    NotificationTexts texts,
    OfferActionTokens tokens,
    IRequestStore requests,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "HelpPoint.Delivery";
    private const int MaxParallel = 16;

    private readonly IDeliveryChannel[] _channels = [.. channels];
    private readonly Channel<StaffNotice> _queue = Channel.CreateBounded<StaffNotice>(new BoundedChannelOptions(4096)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private readonly SemaphoreSlim _parallel = new(MaxParallel, MaxParallel);
    private int _inFlight;

    /// <summary>Deliveries queued or running (tests wait for zero).</summary>
    public int InFlight => Volatile.Read(ref _inFlight) + _queue.Reader.Count;

    /// <summary>Queues a notice for its users; returns at once.</summary>
    public void Enqueue(StaffNotice notice)
    {
        if (notice.Users.Count > 0 && _channels.Any(c => c.Enabled))
        {
            _queue.Writer.TryWrite(notice);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notice in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                foreach (var user in notice.Users.Distinct(StringComparer.Ordinal))
                {
                    await _parallel.WaitAsync(stoppingToken).ConfigureAwait(false);
                    Interlocked.Increment(ref _inFlight);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await DeliverAsync(notice, user, stoppingToken).ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                        {
                            // Shutting down.
                        }
                        catch (Exception ex)
                        {
                            logger.LogError(ex, "Delivering a {Kind} notice to {User} failed", notice.Kind, user);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _inFlight);
                            _parallel.Release();
                        }
                    }, CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Delivers one notice to one user on every channel that applies; returns whether any channel reached them.</summary>
    public async Task<bool> DeliverAsync(StaffNotice notice, string user, CancellationToken cancellationToken)
    {
        var preference = await store.PreferenceAsync(user, cancellationToken).ConfigureAwait(false);
        DeliveryMessage? message = null;
        var reached = false;
        foreach (var channel in _channels)
        {
            if (!channel.Enabled || !channel.Handles(notice.Kind) || (channel.IsFallback && reached))
            {
                continue;
            }

            var targets = await channel.TargetsAsync(preference, cancellationToken).ConfigureAwait(false);
            foreach (var target in targets)
            {
                message ??= await ComposeAsync(notice, user, preference.UiLang, cancellationToken).ConfigureAwait(false);
                reached |= await TryAsync(channel, target, message, notice, cancellationToken).ConfigureAwait(false);
            }
        }

        return reached;
    }

    private async Task<bool> TryAsync(IDeliveryChannel channel, DeliveryTarget target, DeliveryMessage message, StaffNotice notice, CancellationToken cancellationToken)
    {
        var o = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            DeliveryOutcome outcome;
            try
            {
                outcome = await channel.SendAsync(target, message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                outcome = DeliveryOutcome.Error(ex.GetBaseException().Message);
            }

            await store.RecordAsync(new DeliveryAttempt
            {
                At = time.GetUtcNow(),
                UserName = message.User,
                Channel = channel.Name,
                Kind = message.Kind,
                RequestId = message.Request?.Id,
                Target = Trim(target.Label, 200),
                Attempt = attempt,
                Outcome = outcome.Result,
                Status = outcome.Status,
                Detail = outcome.Detail is null ? null : Trim(outcome.Detail, 300),
                DurationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            }, CancellationToken.None).ConfigureAwait(false);

            if (outcome.Succeeded)
            {
                return true;
            }

            if (!outcome.Retryable || attempt > o.RetryCount)
            {
                logger.LogWarning("{Channel} delivery of {Kind} to {User} ({Target}) gave up after {Attempt} tries: {Outcome} {Status} {Detail}",
                    channel.Name, message.Kind, message.User, target.Label, attempt, outcome.Result, outcome.Status, outcome.Detail);
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(o.RetryDelayMs * (1 << (attempt - 1))), time, cancellationToken).ConfigureAwait(false);
            if (!await StillMattersAsync(notice, message.User, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>An offer matters while it is still offered to the host; an escalation while the request waits.</summary>
    private async Task<bool> StillMattersAsync(StaffNotice notice, string user, CancellationToken cancellationToken)
    {
        if (notice.Request is null)
        {
            return true;
        }

        var current = await requests.FindAsync(notice.Request.Id, cancellationToken).ConfigureAwait(false);
        return notice.Kind switch
        {
            StaffNoticeKinds.Offer => current is { State: RequestState.Queued } && current.OfferedTo == user,
            StaffNoticeKinds.Escalation or StaffNoticeKinds.EscalationRepeat => current is { State: RequestState.Queued },
            StaffNoticeKinds.OfferWithdrawn => false,
            _ => true,
        };
    }

    private async Task<DeliveryMessage> ComposeAsync(StaffNotice notice, string user, string lang, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var r = notice.Request;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r is not null)
        {
            values["ticket"] = r.Ticket;
            values["category"] = texts.Get(lang, "category." + r.Category);
            values["language"] = r.Lang is null ? texts.Get(lang, "language.any") : texts.Get(lang, "language." + r.Lang);
            values["device"] = r.Device;
            values["waited"] = texts.Waited(lang, r.PressedAt, now);
        }

        if (notice.Device is not null)
        {
            values["device"] = notice.Device;
            values["detail"] = notice.Detail ?? "";
        }

        var key = notice.Kind switch
        {
            StaffNoticeKinds.Offer => "offer",
            StaffNoticeKinds.OfferWithdrawn => "withdrawn",
            StaffNoticeKinds.Escalation => "escalation",
            StaffNoticeKinds.EscalationRepeat => "escalationRepeat",
            StaffNoticeKinds.Unstaffed => "unstaffed",
            StaffNoticeKinds.FleetAlert => "fleetAlert",
            StaffNoticeKinds.DeviceThrottled => "deviceThrottled",
            _ => "dutyCheck",
        };
        var offer = notice.Kind == StaffNoticeKinds.Offer && r is not null;
        var expires = offer && r!.OfferExpiresAt is { } at ? at : now.AddMinutes(10);
        var ttl = (int)Math.Clamp((expires - now).TotalSeconds, 0, 600);
        string? token = offer ? await tokens.CreateAsync(user, r!.Id, expires.AddSeconds(5), cancellationToken).ConfigureAwait(false) : null;
        return new DeliveryMessage(
            notice.Kind,
            user,
            notice.Branch,
            r is null ? null : QueueItem.From(r),
            texts.Get(lang, $"push.{key}.title", values),
            texts.Get(lang, $"push.{key}.body", values),
            texts.Get(lang, "push.accept"),
            r is not null ? "request-" + r.Id : notice.Device is not null ? notice.Kind + "-" + notice.Device : notice.Kind,
            notice.Kind == StaffNoticeKinds.OfferWithdrawn ? 60 : ttl,
            notice.Kind is StaffNoticeKinds.Offer or StaffNoticeKinds.Escalation or StaffNoticeKinds.EscalationRepeat or StaffNoticeKinds.FleetAlert,
            token);
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
