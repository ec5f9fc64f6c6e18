/// How a Windows program splits its command line into arguments (the Microsoft C runtime's
/// rules, which `CommandLineToArgvW` and powershell.exe follow): blanks separate arguments
/// outside double quotes; `"` toggles quoting; backslashes are literal unless they precede a
/// quote, where 2n backslashes give n and a toggle and 2n+1 give n and a literal quote.
///
/// Windows RUNs are passed to the shell as one unescaped command line, so this is what decides
/// whether text joined after a RUN's script starts outside quotes.
public enum WindowsCommandLine {
    /// The arguments of `text`, and whether it ends outside quotes.
    public static func arguments(_ text: String) -> (arguments: [String], balanced: Bool) {
        var arguments: [String] = []
        var current = ""
        var hasCurrent = false
        var quoted = false
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                var n = 0
                while i < chars.count && chars[i] == "\\" {
                    n += 1
                    i += 1
                }
                if i < chars.count && chars[i] == "\"" {
                    current += String(repeating: "\\", count: n / 2)
                    hasCurrent = true
                    if n % 2 == 1 {
                        current.append("\"")
                        i += 1
                    }
                } else {
                    current += String(repeating: "\\", count: n)
                    hasCurrent = true
                }
                continue
            }
            if c == "\"" {
                if quoted && i + 1 < chars.count && chars[i + 1] == "\"" {
                    current.append("\"")
                    i += 2
                    continue
                }
                quoted.toggle()
                hasCurrent = true
                i += 1
                continue
            }
            if !quoted && (c == " " || c == "\t" || c == "\n" || c == "\r") {
                if hasCurrent { arguments.append(current) }
                current = ""
                hasCurrent = false
                i += 1
                continue
            }
            current.append(c)
            hasCurrent = true
            i += 1
        }
        if hasCurrent { arguments.append(current) }
        return (arguments, !quoted)
    }

    /// The script powershell.exe runs for `-Command` followed by `text`: the arguments joined
    /// with single spaces.
    public static func powerShellScript(_ text: String) -> (script: String, balanced: Bool) {
        let (arguments, balanced) = arguments(text)
        return (arguments.joined(separator: " "), balanced)
    }
}
