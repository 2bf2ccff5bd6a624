/// ESE's esentutl spells modes and options as switches (`esentutl /mh db.edb`, `/l/var/logs`); this maps them to
/// the subcommands and options. Only the exact switches below are mapped, so paths such as `/var/db.edb` pass
/// through unchanged.
enum SwitchSpelling {
    static let modes: [String: String] = [
        "/mh": "dump-header", "/ml": "dump-log", "/mk": "dump-checkpoint", "/k": "checksum", "/r": "recover", "/c": "restore",
    ]
    static let options: [String: String] = [
        "/v": "--verbose", "/l": "--log-path", "/s": "--system-path", "/d": "--destination",
    ]

    static func translate(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, argument) in arguments.enumerated() {
            let lower = argument.lowercased()
            if i == 0, let mode = modes[lower] {
                out.append(mode)
            } else if let option = options[lower] {
                out.append(option)
            } else if (out.first == "recover" || out.first == "restore"), argument.count > 2, lower.hasPrefix("/l") || lower.hasPrefix("/s"),
                argument.dropFirst(2).hasPrefix("/")
            {
                // `/l/var/logs`: the option with an absolute path attached, as ESE writes `/lC:\logs`.
                out.append(lower.hasPrefix("/l") ? "--log-path" : "--system-path")
                out.append(String(argument.dropFirst(2)))
            } else {
                out.append(argument)
            }
        }
        return out
    }
}
