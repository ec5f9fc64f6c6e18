import Testing
import WhittleShell

@Suite("Windows command lines")
struct WindowsCommandLineTests {
    @Test(arguments: [
        (#"a b  c"#, ["a", "b", "c"], true),
        (#""a b" c"#, ["a b", "c"], true),
        (#"a\"b c"#, [#"a"b"#, "c"], true),
        (#"a\\"b c" d"#, [#"a\b c"#, "d"], true),
        (#"C:\dir\ x"#, [#"C:\dir\"#, "x"], true),
        (#"Throw \"failed\" now"#, ["Throw", #""failed""#, "now"], true),
        (#"a "b"#, ["a", "b"], false),
    ])
    func arguments(text: String, expected: [String], balanced: Bool) {
        let (arguments, isBalanced) = WindowsCommandLine.arguments(text)
        #expect(arguments == expected)
        #expect(isBalanced == balanced)
    }
}

@Suite("cmd.exe lines")
struct CmdLineTests {
    @Test func splitsAtAndAndPipe() {
        let line = CmdLine(#"mkdir C:\app && dir C:\ | findstr app"#)
        #expect(line.commands == [["mkdir", #"C:\app"#], ["dir", #"C:\"#], ["findstr", "app"]])
        #expect(line.problem == nil)
        #expect(line.problemBeforeChain == nil)
    }

    @Test func operatorsInQuotesAreText() {
        let line = CmdLine(#"echo "a & b || c ^ d""#)
        #expect(line.problem == nil)
        #expect(line.commands == [["echo", "a & b || c ^ d"]])
    }

    @Test(arguments: [#"mkdir a & mkdir b"#, #"mkdir a || exit 1"#, #"echo ^& done"#, #"mkdir "a"#])
    func problems(text: String) {
        #expect(CmdLine(text).problem != nil)
    }

    @Test(arguments: [
        #"setx /M PATH "%PATH%;C:\go\bin""#, #"msiexec /i node.msi /quiet"#, #"cd C:\src"#, "set X=1",
        #"C:\setup.exe /S"#, "choco install -y git", #"powershell -File C:\install.ps1"#,
        #"powershell -Command "[Environment]::SetEnvironmentVariable('PATH', 'x', 'Machine')""#,
        #"powershell -Command "Start-Process C:\vc_redist.exe -Wait""#,
    ])
    func mayChangeMoreThanFiles(text: String) {
        #expect(CmdLine(text).problemBeforeChain != nil)
    }

    @Test func powerShellChildThatOnlyTouchesFiles() {
        let line = CmdLine(
            #"powershell -NoProfile -Command " $ErrorActionPreference = 'Stop'; $f = 'git.zip'; Invoke-WebRequest -OutFile $f https://example.com/git.zip; tar -xf $f; Remove-Item -Force $f""#
        )
        #expect(line.problemBeforeChain == nil)
    }

    @Test func quoteAtStart() {
        #expect(CmdLine(#"  "C:\Program Files\x.exe" /y"#).startsWithQuote)
        #expect(!CmdLine(#"x.exe "a""#).startsWithQuote)
    }
}

@Suite("Windows chain hazards")
struct WindowsChainHazardTests {
    @Test func unknownProgramsAreCollectedNotRefused() {
        #expect(
            CmdLine(#"mytool.exe "C:\Program Files""#).chainHazard
                == .unknownPrograms(["mytool.exe"]))
        #expect(
            CmdLine("python gen.py && pip install -r r.txt").chainHazard
                == .unknownPrograms(["python", "pip"]))
        #expect(
            PowerShellAudit.hazard(
                in: "npm install -g yarn; Remove-Item C:\\tmp -Recurse", mode: .sharedSession)
                == .unknownPrograms(["npm"]))
        #expect(
            PowerShellAudit.hazard(in: ".\\tools\\archiver.exe pack C:\\out", mode: .sharedSession)
                == .unknownPrograms([".\\tools\\archiver.exe"]))
    }

    @Test(arguments: [
        "python gen.py && setx /M PATH C:\\py", "C:\\tools\\env.cmd", "call vcvars64.bat",
        "vs_buildtools.exe --quiet",
        "C:\\setup.exe /S", "dotnet tool install -g x", "net start w3svc", "for %f in (*.zip) do tar -xf %f",
    ])
    func stateChangesOutweighUnknownPrograms(line: String) {
        guard case .changesState? = CmdLine(line).chainHazard else {
            Issue.record("expected a state change in \(line)")
            return
        }
    }

    @Test(arguments: [
        "frobnicate --all", "npm install; Set-Location C:\\app", "& C:\\tools\\x.exe",
        "git clone x; $env:PATH += ';C:\\git'", "Install-Module Pester",
    ])
    func powerShellStateChanges(script: String) {
        guard case .changesState? = PowerShellAudit.hazard(in: script, mode: .sharedSession) else {
            Issue.record("expected a state change in \(script)")
            return
        }
    }

    @Test func environmentReads() {
        #expect(
            WindowsEnvironmentReads.inCmdLine(#"dir "%ProgramFiles%" && echo %PATH:;= % 100% done"#) == [
                "ProgramFiles", "PATH",
            ])
        #expect(
            WindowsEnvironmentReads.inPowerShell("Write-Host $env:APP_HOME ${env:ProgramFiles(x86)}") == [
                "APP_HOME", "ProgramFiles(x86)",
            ])
        #expect(WindowsEnvironmentReads.inPowerShell("[Environment]::GetEnvironmentVariable('X')") == ["*"])
        #expect(WindowsEnvironmentReads.inPowerShell("Write-Host $envoy") == [])
    }

    @Test func fileToolsAreNoHazard() {
        #expect(CmdLine(#"mkdir C:\app && echo ok > C:\app\ok.txt"#).chainHazard == nil)
        #expect(PowerShellAudit.hazard(in: "Remove-Item C:\\a -Force", mode: .sharedSession) == nil)
        #expect(WindowsProgram.stateChange("mytool.exe", inCmd: true) == nil)
    }
}

@Suite("PowerShell audit")
struct PowerShellAuditTests {
    @Test(arguments: [
        "Write-Host ('Downloading {0} ...' -f $env:URL)",
        "Invoke-WebRequest -Uri $env:URL -OutFile 'app.zip'",
        "if ((Get-FileHash app.zip -Algorithm sha256).Hash -ne $env:SHA) { Write-Host 'FAILED!'; exit 1; }",
        "Expand-Archive app.zip -DestinationPath C:\\; Remove-Item app.zip -Force",
        "Get-ChildItem C:\\app | Where-Object { $_.Length -gt 0 } | Remove-Item",
        "[System.IO.Compression.ZipFile]::ExtractToDirectory('a.zip', 'C:\\a')",
        "Write-Host \"size: $((Get-Item a.zip).Length)\"",
        "throw 'unsupported'",
        "New-Item -ItemType Directory -Path C:\\app | Out-Null <# quiet #>",
    ])
    func sharedSessionAllows(script: String) {
        #expect(PowerShellAudit.problem(in: script, mode: .sharedSession) == nil)
    }

    @Test(arguments: [
        "$url = 'https://example.com'",
        "$env:PATH += ';C:\\go\\bin'",
        "[Net.ServicePointManager]::SecurityProtocol = 'Tls12'",
        "Set-Location C:\\app",
        "cd C:\\app",
        "git clone https://example.com/r.git",
        ".\\vc_redist.exe /quiet",
        "& C:\\tools\\setup.exe",
        "Start-Process msiexec -ArgumentList '/i', 'a.msi' -Wait",
        "if (Test-Path C:\\app) { exit 0 }",
        "exit",
        "foreach ($f in 1..3) { Write-Host $f }",
        "function Get-Thing { 1 }",
        "[Environment]::SetEnvironmentVariable('PATH', 'x', 'Machine')",
        "Write-Host \"$(Set-Location C:\\)\"",
        "$ErrorActionPreference = 'Continue'",
        "Write-Host @'\nx\n'@",
        "Write-Host 'unterminated",
        "$i++",
    ])
    func sharedSessionRejects(script: String) {
        #expect(PowerShellAudit.problem(in: script, mode: .sharedSession) != nil)
    }

    @Test func childProcessMayAssignAndRunFileTools() {
        let script = "$f = 'a.zip'; $env:X = '1'; tar -xf $f; if (!$?) { exit }"
        #expect(PowerShellAudit.problem(in: script, mode: .childProcess) == nil)
        #expect(PowerShellAudit.problem(in: script, mode: .sharedSession) != nil)
        #expect(PowerShellAudit.problem(in: "msiexec /i a.msi", mode: .childProcess) != nil)
    }

    @Test func statementsAndEndings() {
        #expect(PowerShellAudit.statementCount("a; b; if (x) { c; d }") == 3)
        #expect(PowerShellAudit.statementCount("mkdir C:\\prepare ;     cp a C:\\prepare") == 2)
        #expect(PowerShellAudit.endsInComment("Write-Host hi # greet"))
        #expect(!PowerShellAudit.endsInComment("Write-Host hi <# greet #>"))
        #expect(!PowerShellAudit.endsInComment("Write-Host '# not a comment'"))
        #expect(PowerShellAudit.endsWithSemicolon("Invoke-WebRequest x -UseBasicParsing ;"))
        #expect(!PowerShellAudit.endsWithSemicolon("Invoke-WebRequest x"))
    }
}

@Suite("PowerShell variables across merged RUNs")
struct PowerShellVariableTests {
    @Test func plainVariablesAreReported() {
        let audit = PowerShellAudit.audit(
            "$url = 'https://example.com'; $Zip = 'a.zip'; Invoke-WebRequest $url -OutFile $Zip")
        #expect(audit.problem == nil)
        #expect(audit.assignedVariables == ["url", "zip"])
    }

    @Test(arguments: [
        "$ProgressPreference = 'SilentlyContinue'", "$env:PATH = 'C:\\go'", "$global:x = 1",
        "$LASTEXITCODE = 0",
    ])
    func protectedVariablesStayProblems(script: String) {
        #expect(PowerShellAudit.audit(script).problem != nil)
    }

    @Test func tlsSettingIsTrackedLikeAVariable() {
        let audit = PowerShellAudit.audit(
            "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest x -OutFile y"
        )
        #expect(audit.problem == nil)
        #expect(audit.assignedVariables.contains(PowerShellAudit.securityProtocolMarker))
        #expect(PowerShellAudit.webRequests(in: "iwr https://example.com -OutFile a.zip"))
        #expect(PowerShellAudit.webRequests(in: "(New-Object Net.WebClient).DownloadFile($u, 'a')"))
        #expect(!PowerShellAudit.webRequests(in: "Expand-Archive a.zip C:\\a; .\\archiver.exe open b.tgz"))
        // A child process's setting dies with it.
        #expect(
            PowerShellAudit.problem(
                in: "[Net.ServicePointManager]::SecurityProtocol = 'Tls12'; iwr x -OutFile y",
                mode: .childProcess)
                == nil)
    }

    @Test func mentions() {
        #expect(PowerShellAudit.mentions(["url"], in: "Invoke-WebRequest $url"))
        #expect(PowerShellAudit.mentions(["url"], in: "Write-Host \"at ${url}\""))
        #expect(PowerShellAudit.mentions(["url"], in: "Write-Host $script:URL"))
        #expect(PowerShellAudit.mentions(["url"], in: "Get-Variable -Name u*"))
        #expect(!PowerShellAudit.mentions(["url"], in: "Invoke-WebRequest $urls -OutFile url.txt"))
        #expect(!PowerShellAudit.mentions([], in: "$url"))
    }
}

@Suite("Windows readers on random text")
struct WindowsRandomTextTests {
    /// Every reader returns (no trap, no endless loop) on text made of the characters they treat
    /// specially, and an audit that passes a script also passes it again (it is a pure function).
    @Test func readersAlwaysReturn() {
        let alphabet = Array("abenv $(){}[]'\"`#<>;|&^=+-.:\\,@?!%\n\t01")
        var generator = SplitMix64(state: 42)  // deterministic: a failure can be replayed
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let first = PowerShellAudit.problem(in: text, mode: .sharedSession)
            #expect(PowerShellAudit.problem(in: text, mode: .sharedSession) == first)
            _ = PowerShellAudit.audit(text)
            _ = PowerShellAudit.statementCount(text)
            _ = PowerShellAudit.endsInComment(text)
            _ = PowerShellAudit.mentions(["a"], in: text)
            _ = CmdLine(text).problemBeforeChain
            _ = PowerShellAudit.hazard(in: text, mode: .childProcess)
            _ = WindowsEnvironmentReads.inCmdLine(text)
            _ = WindowsEnvironmentReads.inPowerShell(text)
            _ = WindowsCommandLine.arguments(text)
        }
    }
}
