using HelpPoint.Domain.Branches;
using HelpPoint.Domain.Requests;
using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Auth;
using HelpPoint.Gateway.Mail;
using HelpPoint.Gateway.Storage;
using HelpPoint.Gateway.Tests.Support;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>Puts statistics data straight into a test gateway's real database: branches, managers, and requests with their events.</summary>
public static class StatsSeed
{
    public static Task BranchAsync(TestGateway gw, string id, string name, string hours = "", int targetAcceptS = 120) =>
        gw.Get<IBranchStore>().UpsertAsync(new Branch { Id = id, Name = name, OpeningHours = hours, TargetAcceptS = targetAcceptS });

    public static async Task StaffAsync(TestGateway gw, string user, string name, StaffRole role, string secret, string[]? branches = null, string? email = null)
    {
        await gw.Get<IStaffStore>().UpsertAsync(new StaffUser
        {
            UserName = user,
            DisplayName = name,
            Role = role,
            Branches = [.. branches ?? []],
            SecretHash = SecretHasher.HashStaffSecret(secret),
        });
        if (email is not null)
        {
            await gw.Get<EfContactStore>().SetEmailAsync(user, email);
        }
    }

    public static Task RequestsAsync(TestGateway gw, IEnumerable<(HelpRequest Request, List<RequestEvent> Events)> requests) =>
        gw.Get<DbFactory>().WriteAsync(async db =>
        {
            foreach (var (request, events) in requests)
            {
                db.Requests.Add(request);
                db.RequestEvents.AddRange(events);
            }

            return await db.SaveChangesAsync();
        }, CancellationToken.None);

    /// <summary>The known day's branch and requests (see <see cref="KnownDay"/>).</summary>
    public static async Task KnownDayAsync(TestGateway gw)
    {
        await BranchAsync(gw, KnownDay.Branch, "Known library");
        await RequestsAsync(gw, KnownDay.Requests());
    }
}
