import Foundation
import WhittleEngine
import WhittleShell
import WhittleSyntax

/// What the runtime base must provide besides the artifact: the system packages, the user, the
/// HEALTHCHECK's tools and, without a shell, CMD and ENTRYPOINT in exec form.
extension SplitStagesPlanner {
    /// The packages the build installed that the runtime stage installs again; throws when one of
    /// them is development headers, or when the runtime base cannot install it.
    func runtimePackages(for subject: SplitSubject, on runtime: RuntimeChoice) throws(SplitRefusal)
        -> [String]
    {
        var runtimePackages: [String] = []
        for (manager, spec) in subject.scan.packages {
            switch SplitStagesPackages.role(spec) {
            case .buildOnly: continue
            case .headers:
                if case .go(_, true) = subject.found.kind { continue }
                throw SplitRefusal(
                    "the build installs development headers (\(SplitStagesPackages.name(spec))), and the name of the runtime library the program then needs cannot be told",
                    [
                        "Split the stages by hand and install the matching runtime library (e.g. libpq5 for libpq-dev)."
                    ])
            case .certificatesOrZoneData:
                if runtime.facts?.caCertificates == true
                    && (SplitStagesPackages.name(spec) == "ca-certificates" || runtime.facts?.tzdata == true)
                {
                    continue
                }
                fallthrough
            case .runtime:
                let expected = manager == .apk ? "apk" : "apt"
                guard runtime.packageManager == expected else {
                    throw SplitRefusal(
                        "the build installs \(SplitStagesPackages.name(spec)), which \(runtime.image) cannot install (it has no \(expected))"
                    )
                }
                if !runtimePackages.contains(spec) { runtimePackages.append(spec) }
            }
        }
        return runtimePackages
    }

    /// The user name of a USER instruction (without the group).
    static func userName(_ user: Instruction) -> String {
        user.arguments.split(separator: ":").first.map(String.init) ?? ""
    }

    /// Throws unless the last USER exists in the runtime base, or is created there again.
    func checkUser(_ user: Instruction?, of subject: SplitSubject, on runtime: RuntimeChoice)
        throws(SplitRefusal)
    {
        guard let user else { return }
        let name = Self.userName(user)
        let image = runtime.image
        if name.allSatisfy(\.isNumber) || name == "root" {
            // always valid
        } else if subject.scan.createdUsers.contains(name) {
            guard runtime.hasShell,
                subject.scan.userCreatingRuns.contains(where: { $0.arguments.contains(name) })
            else {
                throw SplitRefusal(
                    "USER \(name) is created by a RUN that does more than create it, or \(image) cannot create users"
                )
            }
        } else if runtime.facts.map({ !$0.hasShell }) ?? false {
            guard ["nonroot", "nobody"].contains(name) else {
                throw SplitRefusal("USER \(name) comes from the build image and does not exist in \(image)")
            }
        } else if subject.tag.family == .node && name == "node" {
            // the node images all have the user node
        } else {
            throw SplitRefusal("USER \(name) comes from the build image and may not exist in \(image)")
        }
    }

    /// Throws when the HEALTHCHECK needs a shell, or a tool, the runtime base does not have.
    func checkHealthcheck(on runtime: RuntimeChoice, installing packages: [String]) throws(SplitRefusal) {
        guard let health = stage.instructions.last(where: { $0.kind == .healthcheck }),
            health.arguments.uppercased() != "NONE"
        else { return }
        let needs = StageNeeds(instructions: [health], file: file)
        if !runtime.hasShell && !needs.shell.isEmpty {
            throw SplitRefusal("the HEALTHCHECK needs a shell, which \(runtime.image) does not have")
        }
        if !runtime.hasShell {
            throw SplitRefusal("the HEALTHCHECK runs a program that \(runtime.image) may not have")
        }
        for tool in needs.fullImageTools {
            let t = String(tool.split(separator: " ").first ?? "")
            if !packages.map(SplitStagesPackages.name).contains(t) {
                throw SplitRefusal("the HEALTHCHECK uses \(t), which \(runtime.image) does not have")
            }
        }
    }

    /// On a base without a shell, CMD and ENTRYPOINT in shell form become exec form: the new text
    /// by the instruction's start offset. Throws when one needs a shell.
    mutating func commandsInExecForm(_ launch: SplitLaunch, on runtime: RuntimeChoice) throws(SplitRefusal)
        -> [Int: String]
    {
        var commandText: [Int: String] = [:]
        for instruction in [launch.entrypoint, launch.cmd].compactMap({ $0 }) where !instruction.isJSON {
            if runtime.hasShell { continue }
            guard let words = ExecFormPass.plainWords(instruction.arguments),
                instruction.continuationComments.isEmpty
            else {
                throw SplitRefusal(
                    "\(instruction.keyword.uppercased()) needs a shell, which \(runtime.image) does not have")
            }
            let json = "[" + words.map { JSONValueText.quoted($0) }.joined(separator: ", ") + "]"
            commandText[instruction.range.lowerBound] =
                style.keyword(instruction.keyword) + " " + json + style.newline
            if instruction.kind == .entrypoint {
                notes.append(
                    "The ENTRYPOINT becomes exec form (the new base has no shell): it now receives CMD as arguments."
                )
            }
        }
        return commandText
    }
}
