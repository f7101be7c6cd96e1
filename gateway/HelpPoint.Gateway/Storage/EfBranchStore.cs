using HelpPoint.Domain.Branches;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Branches in the database (few rows, read often: cached for a few seconds).</summary>
public sealed class EfBranchStore(DbFactory factory, TimeProvider time, StoreChanges changes) : IBranchStore
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private volatile Snapshot? _cache;

    public async Task<Branch?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).ById.GetValueOrDefault(id);

    public async Task<IReadOnlyList<Branch>> AllAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).All;

    public async Task UpsertAsync(Branch branch, CancellationToken cancellationToken = default)
    {
        await factory.WriteAsync(async db =>
        {
            var exists = await db.Branches.AnyAsync(b => b.Id == branch.Id, cancellationToken).ConfigureAwait(false);
            if (exists)
            {
                db.Branches.Update(branch);
            }
            else
            {
                db.Branches.Add(branch);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        _cache = null;
        changes.OnBranchChanged(branch);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var cache = _cache;
        if (cache is not null && time.GetUtcNow() - cache.LoadedAt < CacheFor)
        {
            return cache;
        }

        var all = await factory.ReadAsync(db => db.Branches.AsNoTracking().OrderBy(b => b.Id).ToListAsync(cancellationToken)).ConfigureAwait(false);
        cache = new Snapshot(all, all.ToDictionary(b => b.Id, StringComparer.Ordinal), time.GetUtcNow());
        _cache = cache;
        return cache;
    }

    private sealed record Snapshot(IReadOnlyList<Branch> All, Dictionary<string, Branch> ById, DateTimeOffset LoadedAt);
}
