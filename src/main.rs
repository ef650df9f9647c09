use clap::Parser;

fn main() {
    let cli = xfdesk::cli::Cli::parse();
    std::process::exit(xfdesk::cli::run(cli));
}
