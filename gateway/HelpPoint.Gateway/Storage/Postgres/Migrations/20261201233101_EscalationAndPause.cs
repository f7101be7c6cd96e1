using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPoint.Gateway.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EscalationAndPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "repeat_at",
                table: "requests",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "paused_at",
                table: "duty",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "escalation_repeat_s",
                table: "branches",
                type: "integer",
                nullable: false,
                defaultValue: 120);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "repeat_at",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "duty");

            migrationBuilder.DropColumn(
                name: "escalation_repeat_s",
                table: "branches");
        }
    }
}
