fn main() {
    std::process::exit(xfdesk::cli::main());
}
