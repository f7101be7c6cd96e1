using HelpPoint.Domain.Staff;
using HelpPoint.Gateway.Mail;
using Microsoft.EntityFrameworkCore;

namespace HelpPoint.Gateway.Storage;

/// <summary>Staff e-mail addresses, and who the managers of a branch are (a manager with no branches listed manages all).</summary>
public sealed class EfContactStore(DbFactory factory)
{
    public Task<IReadOnlyList<StaffRecipient>> ManagersOfAsync(string branch, CancellationToken cancellationToken = default) =>
        factory.ReadAsync<IReadOnlyList<StaffRecipient>>(async db =>
        {
            var managers = await (
                from s in db.Staff.AsNoTracking()
                join c in db.StaffContacts.AsNoTracking() on s.UserName equals c.UserName into contacts
                from c in contacts.DefaultIfEmpty()
                where s.Role == StaffRole.Manager
                orderby s.UserName
                select new { s.UserName, s.DisplayName, s.Branches, Email = c == null ? null : c.Email })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            // Branch lists are a comma-joined column, so membership is checked here rather than in SQL.
            return managers.Where(m => m.Branches.Count == 0 || m.Branches.Contains(branch, StringComparer.Ordinal))
                .Select(m => new StaffRecipient(m.UserName, m.DisplayName, m.Email)).ToList();
        });

    public Task<string?> EmailOfAsync(string userName, CancellationToken cancellationToken = default) =>
        factory.ReadAsync(db => db.StaffContacts.AsNoTracking().Where(c => c.UserName == userName).Select(c => c.Email)
            .FirstOrDefaultAsync(cancellationToken));

    /// <summary>Sets or (with null) removes a staff member's address.</summary>
    public Task SetEmailAsync(string userName, string? email, CancellationToken cancellationToken = default) =>
        factory.WriteAsync(async db =>
        {
            var contact = await db.StaffContacts.FirstOrDefaultAsync(c => c.UserName == userName, cancellationToken).ConfigureAwait(false);
            if (email is null)
            {
                if (contact is not null)
                {
                    db.StaffContacts.Remove(contact);
                }
            }
            else if (contact is null)
            {
                db.StaffContacts.Add(new StaffContact { UserName = userName, Email = email });
            }
            else
            {
                contact.Email = email;
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
