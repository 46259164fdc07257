import type { AgentAvailability, AgentRef, AgentStatus } from '../../chat/conversationStore';
import type { ChatCore } from './chatCore';

/** Agents' chosen status (online, away), which decides whether a handoff finds someone. */
export class AgentAvailabilityBoard {
  constructor(private readonly core: ChatCore) {}

  async setAvailability(agent: AgentRef, status: AgentStatus): Promise<AgentAvailability> {
    const at = this.core.now();
    await this.core.store.setAvailability(agent, status, at);
    return { agentId: agent.id, name: agent.name, status, updatedAt: at };
  }

  /**
   * Called when an agent's last inbox socket has been gone for the grace period. An agent who
   * chose a status after `since` (e.g. from another device) keeps it.
   */
  async markAwayAfterDisconnect(agentId: string, since: number): Promise<boolean> {
    const current = await this.core.store.getAvailability(agentId);
    if (!current || current.status !== 'online' || current.updatedAt > since) return false;
    await this.core.store.setAvailability({ id: agentId, name: current.name }, 'away', this.core.now());
    return true;
  }

  async listAgents(): Promise<AgentAvailability[]> {
    return this.core.store.listAgents();
  }

  async getAvailability(agent: AgentRef): Promise<AgentAvailability> {
    return (await this.core.store.getAvailability(agent.id)) ?? { agentId: agent.id, name: agent.name, status: 'away', updatedAt: 0 };
  }
}
