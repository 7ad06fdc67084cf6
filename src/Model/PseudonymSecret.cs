using System.Security.Cryptography;
using Analytics.Warehouse;
using DuckDB.NET.Data;

namespace Analytics.Model;

/// <summary>
/// The installation's secret behind members' pseudonyms (marts.member_month.member_key). Member numbers are short and
/// structured and every evaluator holds the roster, so a key derived from a salt in the public SQL can be recomputed
/// and reversed; a key derived from this secret cannot. The secret is made at the first build (32 random bytes),
/// kept in a file readable only by the service's user, outside the warehouse's published data and the repository, and
/// handed to the build as a session variable: it is never in SQL text, a table or the snapshot.
/// </summary>
public static class PseudonymSecret
{
    /// <summary>The session variable the models read with getvariable().</summary>
    public const string Variable = "pseudonym_secret";

    /// <summary>Reads the secret, or makes it (owner read/write only) when the file does not exist yet.</summary>
    public static string LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var text = File.ReadAllText(full).Trim();
            if (text.Length != 64 || !text.All(Uri.IsHexDigit))
                throw new InvalidOperationException($"The pseudonym secret {full} is not 64 hexadecimal digits: restore it from a backup (member keys depend on it), or delete it and run 'analytics model --full' to make new keys.");
            return text;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temp = full + ".tmp";
        using (var stream = new FileStream(temp, new FileStreamOptions
               {
                   Mode = FileMode.Create, Access = FileAccess.Write,
                   UnixCreateMode = OperatingSystem.IsWindows() ? null : UnixFileMode.UserRead | UnixFileMode.UserWrite,
               }))
        using (var writer = new StreamWriter(stream))
            writer.Write(secret);
        File.Move(temp, full);
        return secret;
    }

    /// <summary>Hands the secret to the models built on this connection.</summary>
    public static void Use(DuckDBConnection connection, string secret)
    {
        if (secret.Length != 64 || !secret.All(Uri.IsHexDigit)) throw new ArgumentException("The pseudonym secret must be 64 hexadecimal digits.");
        // Hex digits only, checked above: safe to write into the statement, which DuckDB does not keep.
        connection.Execute($"set variable {Variable} = '{secret}'");
    }
}
