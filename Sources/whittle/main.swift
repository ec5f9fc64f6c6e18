import Foundation
import WhittleCLI

exit(WhittleMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
