%%%-------------------------------------------------------------------
%% @doc chef_license top level supervisor.
%% @end
%%%-------------------------------------------------------------------

-module(chef_license_sup).

-behaviour(supervisor).

-export([start_link/0]).

-export([init/1]).

-define(SERVER, ?MODULE).

start_link() ->
    supervisor:start_link({local, ?SERVER}, ?MODULE, []).

%% sup_flags() = #{strategy => strategy(),         % optional
%%                 intensity => non_neg_integer(), % optional
%%                 period => pos_integer()}        % optional
%% child_spec() = #{id => child_id(),       % mandatory
%%                  start => mfargs(),      % mandatory
%%                  restart => restart(),   % optional
%%                  shutdown => shutdown(), % optional
%%                  type => worker(),       % optional
%%                  modules => modules()}   % optional
init([]) ->
    SupFlags = #{strategy => one_for_all,
                 intensity => 0,
                 period => 1},
    ChildSpecs = [{chef_license_worker,
             {chef_license_worker, start_link, []},
             permanent, 5000, supervisor, [chef_license_worker]}],
    {ok, {SupFlags, ChildSpecs}}.

%% internal functions
